using System.Net;
using Marketplace.Web.Data;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Browser tests run alone, after the others, so Chromium and the site do not compete with the HTTP tests for two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}

/// <summary>
/// The site on a real Kestrel port on 127.0.0.1 (a browser cannot reach the in-memory test server), and one headless
/// Debian Chromium for the whole test class. Playwright's own browser download is never used.
/// </summary>
public class BrowserFixture : AppFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>What every context of this fixture was refused by the site's Content-Security-Policy.</summary>
    public CspViolations Csp { get; } = new();

    /// <summary>TestResults/screenshots at the repository root, where the test command keeps its results.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var path = Path.Combine(RepositoryFolder.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Debian's headless Chromium, started the same way by every browser test.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

    /// <summary>A fresh browser profile (no cookies) with a screen of the given size.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

        // The machine is small and shared; a page that takes long under load is slow, not broken.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        await Csp.WatchAsync(context);
        return context;
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    protected override async Task StartAsync(MarketplaceApp app)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium");
        }

        var port = LocalPostgres.FreePort();
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(LaunchOptions);
    }
}
