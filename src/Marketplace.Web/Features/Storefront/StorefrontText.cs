using System.Globalization;
using Marketplace.Domain;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Storefront;

/// <summary>Formatting the shop's pages share, in the shopper's language.</summary>
public static class StorefrontText
{
    /// <summary>The country's name from the resources, or its ISO code for a country the resources do not name.</summary>
    public static string CountryName(this IStringLocalizer text, string countryCode)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text["Shop.Country." + countryCode];
        return name.ResourceNotFound ? countryCode : name.Value;
    }

    /// <summary>
    /// A resource that counts something, read from "<paramref name="key"/>.One" when the count is one, since English says
    /// "1 review" where it says "2 reviews" (Indonesian's two entries read the same).
    /// </summary>
    public static LocalizedString Counted(this IStringLocalizer text, string key, int count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[count == 1 ? key + ".One" : key, arguments];
    }

    /// <summary>An instant as a date and time in Western Indonesian Time, written the way the shopper's language writes dates.</summary>
    public static string InIndonesianTime(DateTimeOffset instant) => InIndonesianTime(instant, CultureInfo.CurrentCulture);

    /// <summary>The same, written the way <paramref name="culture"/> writes dates (a recipient's, in an e-mail).</summary>
    public static string InIndonesianTime(DateTimeOffset instant, IFormatProvider? culture) =>
        instant.ToOffset(Wib.Offset).ToString("f", culture) + " WIB";

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(decimal value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
