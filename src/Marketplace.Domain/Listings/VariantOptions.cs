namespace Marketplace.Domain.Listings;

/// <summary>
/// What sets one variant of a listing apart: one or two options, each a name and a value ("Ukuran: M / Warna: Merah").
/// Validated on creation, like <see cref="ListingContent"/>.
/// </summary>
public sealed record VariantOptions
{
    public const int NameMaxLength = 20;
    public const int ValueMaxLength = 30;

    public VariantOptions(string name1, string value1, string? name2 = null, string? value2 = null)
    {
        Name1 = Text(name1, NameMaxLength);
        Value1 = Text(value1, ValueMaxLength);
        var hasSecond = !string.IsNullOrWhiteSpace(name2) || !string.IsNullOrWhiteSpace(value2);
        Name2 = hasSecond ? Text(name2, NameMaxLength) : null;
        Value2 = hasSecond ? Text(value2, ValueMaxLength) : null;
        if (Name2 is not null && string.Equals(Name1, Name2, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("listing.variant_option_repeated", "The two options of a variant have different names.");
        }
    }

    public string Name1 { get; }

    public string Value1 { get; }

    public string? Name2 { get; }

    public string? Value2 { get; }

    /// <summary>How shoppers, order lines and shipping labels name the variant.</summary>
    public string Label => Name2 is null ? $"{Name1}: {Value1}" : $"{Name1}: {Value1} / {Name2}: {Value2}";

    /// <summary>The longest <see cref="Label"/> there can be.</summary>
    public const int LabelMaxLength = (2 * (NameMaxLength + ValueMaxLength)) + 7;

    /// <summary>Same option names, in the same order: every variant of a listing has the same options.</summary>
    public bool HasSameNamesAs(VariantOptions other) =>
        other is not null && string.Equals(Name1, other.Name1, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name2, other.Name2, StringComparison.OrdinalIgnoreCase);

    private static string Text(string? value, int max)
    {
        var text = (value ?? string.Empty).Trim();
        return text.Length >= 1 && text.Length <= max && !text.Any(char.IsControl) && !text.Contains('/', StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal)
            ? text
            : throw new DomainException("listing.variant_option_invalid", $"An option name or value has 1 to {max} characters, without '/' or ':'.");
    }
}
