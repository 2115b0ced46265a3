using System.Net;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Marketplace.Web.Hosting;

/// <summary>
/// OpenTelemetry: request rate and latency per page (ASP.NET Core's <c>http.server.request.duration</c>, labelled with
/// the page's route template), the runtime, Npgsql's pool and commands, and <see cref="MarketplaceMetrics"/>, scraped by
/// Prometheus at <c>/metrics</c> from the networks <c>Metrics:AllowedNetworks</c> names. Traces go to the console when
/// <c>Telemetry:ConsoleTraces</c> is on (Development).
/// </summary>
internal static class Telemetry
{
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddMarketplaceTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("marketplace-web"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MarketplaceMetrics.MeterName, ReadReplicas.MeterName)
                .AddPrometheusExporter());
        if (builder.Configuration.GetValue("Telemetry:ConsoleTraces", false))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddConsoleExporter());
        }

        builder.Services.AddSingleton(MetricsNetworks.From(builder.Configuration));
        return builder;
    }

    /// <summary>
    /// Answers <see cref="ScrapePath"/> for scrapers on an allowed network; anyone else gets the site's ordinary 404, so the
    /// endpoint does not even show that it exists.
    /// </summary>
    public static IApplicationBuilder UseMetricsScraping(this IApplicationBuilder app)
    {
        var networks = app.ApplicationServices.GetRequiredService<MetricsNetworks>();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Request.Path.Equals(ScrapePath, StringComparison.OrdinalIgnoreCase) && networks.Allows(context));
    }
}

/// <summary>
/// Where a scrape may come from: the connection's address must lie in one of the networks (CIDR) of
/// <c>Metrics:AllowedNetworks</c>, by default loopback and the private ranges, and the request must not have passed
/// through a proxy. A load balancer in front of the site connects from a private address too, so a request carrying
/// X-Forwarded-For or Forwarded (which every proxy here adds) came from somewhere else and is refused.
/// </summary>
internal sealed class MetricsNetworks(IReadOnlyList<IPNetwork> networks)
{
    public const string Default = "127.0.0.0/8, ::1/128, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7";

    public static MetricsNetworks From(IConfiguration configuration)
    {
        var setting = configuration["Metrics:AllowedNetworks"] ?? Default;
        var parsed = new List<IPNetwork>();
        foreach (var entry in setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPNetwork.TryParse(entry, out var network))
            {
                throw new InvalidOperationException($"Metrics:AllowedNetworks: '{entry}' is not a network such as 10.0.0.0/8 or fc00::/7.");
            }

            parsed.Add(network);
        }

        return new MetricsNetworks(parsed);
    }

    public bool Allows(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded")
            || context.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }
}
