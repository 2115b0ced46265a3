using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Web.Hosting;

/// <summary>
/// A node stopped behind the load balancer: <c>/health</c> answers 503 from the moment the stop begins, the node keeps
/// serving for <c>Hosting:DrainSeconds</c> so the balancer's health checks see it and send new requests elsewhere, and
/// then the server stops taking connections and waits up to <c>Hosting:ShutdownTimeoutSeconds</c> for the requests in
/// flight to finish.
/// </summary>
internal static class GracefulShutdown
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));
        services.AddSingleton(new DrainSettings(TimeSpan.FromSeconds(configuration.GetValue("Hosting:DrainSeconds", 0))));
        services.AddHostedService<Drain>();
        services.AddHealthChecks().AddCheck<StoppingCheck>("shutdown");
        return services;
    }

    internal sealed record DrainSettings(TimeSpan Delay);

    /// <summary>Unhealthy once the host has begun to stop.</summary>
    private sealed class StoppingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping") : HealthCheckResult.Healthy());
    }

    /// <summary>
    /// Holds the stop before any service stops (the server included) for the drain. It raises the host's stop signal
    /// itself, which turns <c>/health</c> to 503: a SIGTERM raises it before the host stops, but a stop through
    /// <c>IHost.StopAsync</c> raises it only after every service's <c>StoppingAsync</c>, which would keep health
    /// answering 200 for the whole drain.
    /// </summary>
    private sealed class Drain(DrainSettings settings, TimeProvider clock, IHostApplicationLifetime lifetime) : IHostedLifecycleService
    {
        public Task StoppingAsync(CancellationToken cancellationToken)
        {
            lifetime.StopApplication();
            return settings.Delay > TimeSpan.Zero ? Task.Delay(settings.Delay, clock, cancellationToken) : Task.CompletedTask;
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
