namespace Marketplace.Web.Features.Verification;

public static class VerificationServices
{
    public static IServiceCollection AddVerification(this IServiceCollection services)
    {
        services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section);
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        services.AddHttpClient(HttpBusinessRegistry.ClientName);
        services.AddScoped<IBusinessRegistry, HttpBusinessRegistry>();
        services.AddScoped<SandboxRegistry>();
        services.AddScoped<FrontCheck>();
        services.AddScoped<AutomaticVerification>();
        services.AddHostedService<RegistryRecheckJob>();
        return services;
    }

    /// <summary>The registry's sandbox answers only where it is switched on (development, the demo, tests).</summary>
    public static WebApplication MapVerification(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue<bool>($"{RegistryOptions.Section}:{nameof(RegistryOptions.Sandbox)}"))
        {
            app.MapGet(HttpBusinessRegistry.LookupPath + "{nib}", SandboxRegistry.EndpointAsync).ExcludeFromDescription();
        }

        return app;
    }
}
