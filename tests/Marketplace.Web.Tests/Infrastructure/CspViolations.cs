using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>
/// Collects what the browser refused under the site's Content-Security-Policy: Chromium's own console line for each refusal,
/// and every <c>securitypolicyviolation</c> event, which a listener added before any page script reports to the console
/// with the directive and the line.
/// </summary>
public sealed class CspViolations
{
    public const string Prefix = "CSP violation: ";

    private const string Listener =
        "document.addEventListener('securitypolicyviolation', e => console.error('" + Prefix + "' + e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    private readonly ConcurrentQueue<string> _seen = new();

    public IReadOnlyCollection<string> Seen => _seen.ToArray();

    public async Task WatchAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.AddInitScriptAsync(Listener);
        context.Console += (_, message) => Record(message);
    }

    public async Task WatchAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddInitScriptAsync(Listener);
        page.Console += (_, message) => Record(message);
    }

    private void Record(IConsoleMessage message)
    {
        var text = message.Text;
        if (text.StartsWith(Prefix, StringComparison.Ordinal) || text.Contains("Content Security Policy", StringComparison.Ordinal))
        {
            _seen.Enqueue($"{text} (on {message.Page?.Url}, {message.Location})");
        }
    }
}
