using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Marketplace.Web.Hosting;

internal static class Logging
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section, writing to the console and a daily rolling file;
    /// "Logging:Json" = true switches both to compact JSON lines for log shippers. Sinks registered in the
    /// container (the tests' collector) receive every event too. While the database is away, failures are logged one line
    /// per component every "Logging:OutageIntervalSeconds" (see <see cref="OutageLogThrottle"/>).
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", false);
        var file = builder.Configuration["Logging:File"];
        var outageInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Logging:OutageIntervalSeconds", 60));
        // Each host keeps its own logger (tests start several hosts in one process); the static Log.Logger is left alone.
        builder.Services.AddSerilog(
            (services, configuration) =>
            {
                configuration.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext()
                    .Filter.With(new OutageLogThrottle(services.GetRequiredService<TimeProvider>(), outageInterval, services.GetRequiredService<Serilog.ILogger>));
                if (json)
                {
                    configuration.WriteTo.Console(new CompactJsonFormatter());
                }
                else
                {
                    configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }

                if (!string.IsNullOrWhiteSpace(file))
                {
                    if (json)
                    {
                        configuration.WriteTo.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                    }
                    else
                    {
                        configuration.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                    }
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One event per request with status, elapsed time, route template, trace id and user id. The path is logged
    /// without its query string (tokens and search terms stay out of logs), and no e-mail address is ever added.
    /// Placed inside the exception handler, so a request that throws is logged once, as 500, against its own route.
    /// </summary>
    public static IApplicationBuilder UseMarketplaceRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, _, exception) =>
                context.Features.Get<IExceptionHandlerFeature>() is not null ? LogEventLevel.Verbose // the /Error re-execution of a request already logged
                : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("RouteTemplate", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText
                    ?? context.GetEndpoint()?.DisplayName);
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier));
            };
        });
}
