using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Localization;

/// <summary>Indonesian first, English by a switch remembered in a cookie; the browser's own language is not consulted.</summary>
internal static class Languages
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static bool IsIndonesian => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id";

    /// <summary>The current language as an account stores it: "id" or "en".</summary>
    public static string CurrentCode => IsIndonesian ? "id" : "en";

    /// <summary>
    /// Runs <paramref name="write"/> as a reader of <paramref name="language"/> ("id" or "en", as an account stores it): resources
    /// in that language, and dates and numbers formatted its way. Mail and inbox items are written for their recipient, not for
    /// whoever's request caused them.
    /// </summary>
    public static T For<T>(string language, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var reader = CultureInfo.GetCultureInfo(language == "en" ? English : Indonesian);
        CultureInfo.CurrentCulture = reader;
        CultureInfo.CurrentUICulture = reader;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    public static IServiceCollection AddMarketplaceLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [new(Indonesian), new(English)];
            options.DefaultRequestCulture = new RequestCulture(Indonesian);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
