using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Import;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers;

/// <summary>Everything the seller portal needs, registered and mapped in one place.</summary>
public static class SellerPortalServices
{
    public static IServiceCollection AddSellerPortal(this IServiceCollection services)
    {
        services.AddScoped<SellerAccounts>();
        services.AddScoped<ShopProfiles>();
        services.AddScoped<SellerListings>();
        services.AddSingleton<ImageStore>();
        services.AddScoped<ListingImports>();
        services.AddScoped<ListingImporter>();
        services.AddHostedService<ListingImportWorker>();
        return services;
    }

    public static WebApplication MapSellerPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/images/{name}", ImageEndpoint.ServeAsync).ExcludeFromDescription();
        return app;
    }
}
