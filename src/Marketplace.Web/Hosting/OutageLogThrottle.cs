using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Web.Hosting;

/// <summary>
/// Keeps logging bounded while the database is away: every event that carries a connection failure (EF Core's failed
/// command and query, a worker's retry, the 503 middleware) is held back, and each failing component (the event's source)
/// writes one line without a stack trace per interval instead, with how many failures it had since its last line. Without
/// this EF Core logs a stack trace for every query during an outage (about 188 MB in three minutes of load).
/// </summary>
internal sealed class OutageLogThrottle(TimeProvider clock, TimeSpan interval, Func<Serilog.ILogger> logger) : ILogEventFilter
{
    public const string Template = "Database unavailable: {Component} failed {Failures} times since its last line ({Error}); one line per {IntervalSeconds} s while it lasts";

    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is not { } exception || !DatabaseOutage.IsOutage(exception))
        {
            return true;
        }

        var component = logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source) && source is ScalarValue { Value: string name } ? name : "(unknown)";
        var now = clock.GetUtcNow();
        var window = _windows.GetOrAdd(component, _ => new Window());
        int failures;
        lock (window)
        {
            window.Failures++;
            if (window.LastLine is { } last && now - last < interval)
            {
                return false;
            }

            window.LastLine = now;
            failures = window.Failures;
            window.Failures = 0;
        }

        logger().ForContext(Constants.SourceContextPropertyName, component)
            .Error(Template, component, failures, FirstLine(exception), (int)interval.TotalSeconds);
        return false;
    }

    /// <summary>The first line of the deepest exception's message (PostgreSQL adds a DETAIL line): the line stays one line.</summary>
    private static string FirstLine(Exception e) => e.InnerException is { } inner ? FirstLine(inner) : e.Message.Split('\n', 2)[0].Trim();

    private sealed class Window
    {
        public DateTimeOffset? LastLine { get; set; }

        public int Failures { get; set; }
    }
}
