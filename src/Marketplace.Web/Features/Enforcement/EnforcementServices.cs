namespace Marketplace.Web.Features.Enforcement;

public static class EnforcementServices
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EnforcementOptions>(configuration.GetSection(EnforcementOptions.Section));
        services.AddScoped<StrikeLedger>();
        services.AddScoped<AppealDesk>();
        services.AddScoped<ShopClosures>();
        services.AddScoped<TakedownInbox>();
        services.AddScoped<ComplianceReport>();
        services.AddScoped<ComplianceRollup>();
        services.AddHostedService<ShopClosureSweeper>();
        services.AddHostedService<ComplianceRollupJob>();
        return services;
    }
}
