using Marketplace.Web.Features.Orders;

namespace Marketplace.Web.Features.Storefront;

public static class StorefrontServices
{
    /// <summary>What the shop's pages call: browsing, search, product and shop pages, the cart, checkout and order history.</summary>
    public static IServiceCollection AddStorefront(this IServiceCollection services)
    {
        services.AddScoped<HomePage>();
        services.AddScoped<CatalogueReader>();
        services.AddScoped<ListingSearch>();
        services.AddScoped<SearchPage>();
        services.AddScoped<CategoryPage>();
        services.AddScoped<ProductPage>();
        services.AddScoped<ShopPage>();
        services.AddScoped<CartService>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<OrderEmails>();
        services.AddScoped<OrderHistory>();
        services.AddOptions<CheckoutOptions>().BindConfiguration(CheckoutOptions.Section);
        return services;
    }
}
