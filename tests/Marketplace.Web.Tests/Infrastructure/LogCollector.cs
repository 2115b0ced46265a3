using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Keeps what the site logs at or above a level, so a test can show the server's side of a failure.</summary>
public sealed class LogCollector(LogEventLevel minimum = LogEventLevel.Verbose) : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Level >= minimum)
        {
            Events.Enqueue(logEvent);
        }
    }

    /// <summary>Each kept event as one block: its message and, when it has one, the exception with its stack.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, Events.Select(e => $"[{e.Level}] {e.RenderMessage(null)}{Environment.NewLine}{e.Exception}"));
}
