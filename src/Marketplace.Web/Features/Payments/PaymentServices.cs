namespace Marketplace.Web.Features.Payments;

public static class PaymentServices
{
    public const string CallbackPath = "/payments/callback";

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section);
        services.AddScoped<IPaymentProvider, SandboxPaymentProvider>();
        services.AddScoped<PaymentRefunds>();
        services.AddScoped<PaymentCallbacks>();
        services.AddScoped<SandboxPayments>();
        services.AddScoped<UnpaidOrderExpiry>();
        services.AddHostedService<UnpaidOrderSweeper>();
        return services;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(CallbackPath, PaymentCallbacks.EndpointAsync).ExcludeFromDescription();
        return app;
    }
}
