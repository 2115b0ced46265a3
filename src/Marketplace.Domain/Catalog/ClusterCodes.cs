namespace Marketplace.Domain.Catalog;

public static class ClusterCodes
{
    public const string Textile = "TEXTILE";
    public const string FoodBeverage = "FOOD";
    public const string Handicraft = "CRAFT";

    /// <summary>Upper-case ASCII letters, digits and underscores, 2 to 32 characters.</summary>
    public static string Normalize(string code)
    {
        var value = (code ?? string.Empty).Trim().ToUpperInvariant();
        if (value.Length is < 2 or > 32 || !value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new DomainException("cluster.code_invalid", $"'{code}' is not a cluster code.");
        }

        return value;
    }
}
