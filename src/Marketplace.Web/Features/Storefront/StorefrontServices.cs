using Marketplace.Web.Features.Orders;

namespace Marketplace.Web.Features.Storefront;

public static class StorefrontServices
{
    /// <summary>What the shop's pages call: browsing, search, product and shop pages, the cart, checkout and order history.</summary>
    public static IServiceCollection AddStorefront(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<StorefrontReads>();
        services.AddScoped<HomePage>();
        services.AddScoped<CatalogReader>();
        services.AddScoped<ListingSearch>();
        services.AddScoped<SearchRankingCache>();
        services.AddSingleton<SearchRanker>();
        services.AddHostedService(provider => provider.GetRequiredService<SearchRanker>());
        services.AddScoped<SearchVocabulary>();
        services.AddHostedService<SearchMaintenance>();
        services.AddScoped<SearchPage>();
        services.AddScoped<CategoryPage>();
        services.AddScoped<ProductPage>();
        services.AddScoped<ShopperProvince>();
        services.AddScoped<ShopPage>();
        services.AddScoped<CartService>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<OrderNotifications>();
        services.AddScoped<AddressBook>();
        services.AddScoped<OrderHistory>();
        return services;
    }

    /// <summary>Suggestions as the shopper types, read by wwwroot/js/search-suggest.js.</summary>
    public static WebApplication MapStorefront(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(SuggestPath, async (string? q, SearchVocabulary vocabulary, CancellationToken cancellationToken) =>
                Results.Json(await vocabulary.SuggestAsync(q ?? string.Empty, cancellationToken)))
            .ExcludeFromDescription();
        return app;
    }

    public const string SuggestPath = "/search/suggest";
}
