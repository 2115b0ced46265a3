namespace Marketplace.Domain.Sellers;

/// <summary>NIB (Nomor Induk Berusaha), Indonesia's 13-digit business registration number.</summary>
public static class BusinessNumber
{
    public static bool IsValid(string? nib) => nib is { Length: 13 } && nib.All(char.IsAsciiDigit);

    public static string? NormalizeOptional(string? nib)
    {
        if (string.IsNullOrWhiteSpace(nib))
        {
            return null;
        }

        var value = nib.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return IsValid(value) ? value : throw new DomainException("seller.nib_invalid", "An NIB has 13 digits.");
    }
}
