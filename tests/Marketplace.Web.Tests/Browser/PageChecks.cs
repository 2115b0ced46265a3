using System.Text.RegularExpressions;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Marketplace.Web.Tests.Browser;

/// <summary>What the browser tests measure on every page they open: sideways scrolling, small tap targets, and a screenshot.</summary>
public static partial class PageChecks
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;
    public const int DesktopWidth = 1366;
    public const int DesktopHeight = 900;

    /// <summary>The smallest a control may be on a phone (WCAG 2.5.5's 44 CSS pixels), less half a pixel of rounding.</summary>
    private const double SmallestTarget = 43.5;

    private const int TallestScreenshot = 4000;

    private const string TooWide =
        "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)" +
        ".slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`)";

    private const string SmallTargets =
        "limit => [...document.querySelectorAll('header a, header button, header input, .section-nav a, main .btn, main .form-control, main .form-select, .page-link, .sort-links a, .subcategories a, .search-corrected a, .did-you-mean a')]" +
        ".filter(e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 1 && r.height > 1 && s.visibility !== 'hidden' && !e.closest('[hidden]'); })" +
        ".filter(e => e.getBoundingClientRect().height < limit)" +
        ".slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} \"${(e.textContent || e.value || e.placeholder || '').trim().slice(0, 30)}\" ${Math.round(e.getBoundingClientRect().height)}px`)";

    /// <summary>
    /// Signs in through the log-in form, answering the second step with the authenticator's code when the account has
    /// one (every admin does), and waits until the site has let the person through.
    /// </summary>
    public static async Task SignInAsync(IPage page, MarketplaceApp app, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", TestUsers.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase));
        if (new Uri(page.Url).AbsolutePath.Equals("/Account/LoginTwoFactor", StringComparison.OrdinalIgnoreCase))
        {
            await page.FillAsync("input[name='Code']", await TestUsers.AuthenticatorCodeAsync(app, email));
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Registers a new account through the form; the site signs the person in and leaves the form.</summary>
    public static async Task RegisterAsync(IPage page, string name, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Register");
        await page.FillAsync("input[name='Input.DisplayName']", name);
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Register", StringComparison.Ordinal));
    }

    /// <summary>Switches the site's language with the header's own button, opening the phone menu first when it is folded.</summary>
    public static async Task UseLanguageAsync(IPage page, string language)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (await page.Locator("html").GetAttributeAsync("lang") == language)
        {
            return;
        }

        await OpenMenuIfFoldedAsync(page);
        await page.Locator($"header form[action*='Language'] input[name=culture][value^='{language}'] ~ button").ClickAsync();
        await page.WaitForFunctionAsync("lang => document.documentElement.lang === lang", language);
    }

    /// <summary>On a phone the header's links sit behind the menu button; opens it when it is shown and closed.</summary>
    public static async Task OpenMenuIfFoldedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var toggle = page.Locator("header .menu-toggle");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") == "false")
        {
            await toggle.ClickAsync();
            await page.Locator("#site-menu").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }
    }

    /// <summary>What is wrong with the open page on a phone: sideways scrolling or controls too small to tap; empty when nothing.</summary>
    public static async Task<IReadOnlyList<string>> PhoneProblemsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        var path = new Uri(page.Url).PathAndQuery;
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] > widths[1])
        {
            var wide = await page.EvaluateAsync<string[]>(TooWide);
            problems.Add($"{path} scrolls sideways: scrollWidth {widths[0]} > clientWidth {widths[1]} ({string.Join(", ", wide)})");
        }

        var small = await page.EvaluateAsync<string[]>(SmallTargets, SmallestTarget);
        if (small.Length > 0)
        {
            problems.Add($"{path} has tap targets under 44 px: {string.Join(", ", small)}");
        }

        return problems;
    }

    /// <summary>The whole page, or its first <see cref="TallestScreenshot"/> pixels when it is longer, so a person can read it.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var size = await page.EvaluateAsync<int[]>("[document.documentElement.clientWidth, document.documentElement.scrollHeight]");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, FileName().Replace(name, "-") + ".png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = size[0], Height = Math.Min(size[1], TallestScreenshot) },
        });
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex FileName();
}
