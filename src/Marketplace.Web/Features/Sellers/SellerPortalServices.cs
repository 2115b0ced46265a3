using Marketplace.Web.Features.Sellers.Api;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Import;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Orders;
using Marketplace.Web.Features.Sellers.Shop;
using Marketplace.Web.Features.Sellers.Verification;
using Microsoft.AspNetCore.Authentication;

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
        services.AddScoped<PhotoQuota>();
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceSubmission>();
        services.AddScoped<ListingImports>();
        services.AddScoped<ListingImporter>();
        services.AddHostedService<ListingImportWorker>();
        services.AddScoped<SellerOrders>();
        services.AddScoped<SellerLabels>();
        services.AddScoped<SellerParcels>();
        services.AddScoped<SellerApiTokens>();
        services.AddScoped<SellerApiRateLimit>();
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer<SellerApiDocument>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SellerTokenAuthentication>(SellerTokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(SellerApi.ReadPolicy, policy => policy.AddAuthenticationSchemes(SellerTokenAuthentication.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(SellerApi.WritePolicy, policy => policy.AddAuthenticationSchemes(SellerTokenAuthentication.SchemeName).RequireClaim(SellerTokenAuthentication.CanWriteClaim, "true"));
        return services;
    }

    public static WebApplication MapSellerPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/images/{name}", ImageEndpoint.ServeAsync).ExcludeFromDescription();
        app.MapGet("/images/thumbs/{name}", ImageEndpoint.ServeThumbnailAsync).ExcludeFromDescription();
        app.MapOpenApi();
        SellerApi.Map(app);
        return app;
    }
}
