namespace Marketplace.Domain.Sellers;

/// <summary>ISO 3166-1 alpha-2 country code, upper case.</summary>
public static class CountryCode
{
    public const string Indonesia = "ID";

    public static string Normalize(string code)
    {
        var value = (code ?? string.Empty).Trim().ToUpperInvariant();
        return value.Length == 2 && value.All(char.IsAsciiLetterUpper)
            ? value
            : throw new DomainException("country.invalid", $"'{code}' is not a two-letter country code.");
    }
}
