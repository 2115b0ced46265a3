using System.Globalization;

namespace Marketplace.Domain.Orders;

/// <summary>
/// The number a shopper quotes, such as <c>MP-20261122-8F3K2Q</c>: the placing date in Western Indonesian Time
/// and six characters from an alphabet without look-alikes (no 0, O, 1, I or L), so it can be read out over the phone.
/// </summary>
public static class OrderNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int SuffixLength = 6;
    public const int Length = 18;

    private const string Prefix = "MP-";

    /// <param name="suffix">Six characters drawn at random from <see cref="Alphabet"/> by the caller.</param>
    public static string Create(DateTimeOffset placedAt, string suffix)
    {
        if (suffix is null || suffix.Length != SuffixLength || !suffix.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            throw new DomainException("order.number_invalid", $"An order number ends in {SuffixLength} characters from {Alphabet}.");
        }

        return Prefix + placedAt.ToOffset(Wib.Offset).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + suffix;
    }

    public static bool IsWellFormed(string? number) =>
        number is { Length: Length }
        && number.StartsWith(Prefix, StringComparison.Ordinal)
        && number[11] == '-'
        && DateOnly.TryParseExact(number[3..11], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && number[12..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
