namespace Marketplace.Domain.Catalog;

public static class CategorySlug
{
    /// <summary>Lower-case ASCII letters, digits and single hyphens, 2 to 80 characters.</summary>
    public static string Normalize(string slug)
    {
        var value = (slug ?? string.Empty).Trim().ToLowerInvariant();
        var valid = value.Length is >= 2 and <= 80
            && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !value.StartsWith('-') && !value.EndsWith('-') && !value.Contains("--", StringComparison.Ordinal);
        return valid ? value : throw new DomainException("slug.invalid", $"'{slug}' is not a valid slug.");
    }
}
