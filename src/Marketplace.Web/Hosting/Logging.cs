using Serilog;
using Serilog.Formatting.Json;

namespace Marketplace.Web.Hosting;

internal static class Logging
{
    /// <summary>
    /// Serilog from the "Serilog" configuration section, writing to the console and a daily rolling file;
    /// "Logging:Json" = true switches both to JSON lines for log shippers.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).Enrich.FromLogContext();
        var json = builder.Configuration.GetValue("Logging:Json", false);
        var file = builder.Configuration["Logging:File"];
        configuration = json
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrWhiteSpace(file))
        {
            configuration = json
                ? configuration.WriteTo.File(new JsonFormatter(renderMessage: true), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
                : configuration.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
