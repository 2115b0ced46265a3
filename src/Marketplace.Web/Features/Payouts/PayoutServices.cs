namespace Marketplace.Web.Features.Payouts;

public static class PayoutServices
{
    public const string CallbackPath = "/payouts/callback";

    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.Section);
        services.AddScoped<IDisbursementProvider, SandboxDisbursementProvider>();
        services.AddScoped<DisbursementCallbacks>();
        services.AddScoped<SandboxDisbursements>();
        services.AddScoped<SellerPayouts>();
        return services;
    }

    public static WebApplication MapPayouts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(CallbackPath, DisbursementCallbacks.EndpointAsync).ExcludeFromDescription();
        return app;
    }
}
