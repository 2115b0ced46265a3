namespace Marketplace.Web.Features.Shipping;

public static class ShippingServices
{
    public const string TrackingPath = "/couriers/tracking";

    public static IServiceCollection AddShipping(this IServiceCollection services)
    {
        services.AddOptions<ShippingOptions>().BindConfiguration(ShippingOptions.Section);
        services.AddSingleton<ICourierProvider, SandboxCourier>();
        services.AddSingleton<ShippingQuotes>();
        services.AddScoped<Shipments>();
        services.AddScoped<TrackingCallbacks>();
        services.AddScoped<SandboxTracking>();
        return services;
    }

    public static WebApplication MapShipping(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(TrackingPath, TrackingCallbacks.EndpointAsync).ExcludeFromDescription();
        return app;
    }
}
