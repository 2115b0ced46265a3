using System.Globalization;
using System.Text;

namespace Marketplace.Domain;

/// <summary>An amount of Indonesian Rupiah. Rupiah has no minor unit in practice, so amounts are whole rupiah.</summary>
public readonly record struct Rupiah : IComparable<Rupiah>
{
    /// <summary>The largest price a listing may carry (Rp 10 billion), well inside the range of <see cref="long"/>.</summary>
    public static readonly Rupiah MaxPrice = new(10_000_000_000);

    public static readonly Rupiah Zero = new(0);

    public Rupiah(long amount)
    {
        if (amount < 0)
        {
            throw new DomainException("money.negative", $"A Rupiah amount cannot be negative: {amount}.");
        }

        Amount = amount;
    }

    public long Amount { get; }

    public static Rupiah Parse(string text)
    {
        if (!TryParse(text, out var value))
        {
            throw new DomainException("money.invalid", $"'{text}' is not a Rupiah amount.");
        }

        return value;
    }

    /// <summary>Reads "1250000", "1.250.000", "Rp 1.250.000" or "Rp1.250.000,00"; decimals other than zero are refused.</summary>
    public static bool TryParse(string? text, out Rupiah value)
    {
        value = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart('.', ' ');
        }

        var comma = s.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var fraction = s[(comma + 1)..];
            if (fraction.Length == 0 || fraction.Any(c => c != '0'))
            {
                return false;
            }

            s = s[..comma];
        }

        s = s.Replace(" ", string.Empty, StringComparison.Ordinal);
        var groups = s.Split('.');
        if (groups.Length > 1 && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            // "150000.00" or "12.5" are decimals written the English way; dropping the dots would misread them.
            return false;
        }

        s = s.Replace(".", string.Empty, StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 15 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = new Rupiah(long.Parse(s, CultureInfo.InvariantCulture));
        return true;
    }

    public static Rupiah operator +(Rupiah left, Rupiah right) => new(checked(left.Amount + right.Amount));

    public static Rupiah operator -(Rupiah left, Rupiah right) => new(checked(left.Amount - right.Amount));

    public static Rupiah operator *(Rupiah price, int quantity) => new(checked(price.Amount * quantity));

    public static bool operator <(Rupiah left, Rupiah right) => left.Amount < right.Amount;

    public static bool operator >(Rupiah left, Rupiah right) => left.Amount > right.Amount;

    public static bool operator <=(Rupiah left, Rupiah right) => left.Amount <= right.Amount;

    public static bool operator >=(Rupiah left, Rupiah right) => left.Amount >= right.Amount;

    public static Rupiah Sum(IEnumerable<Rupiah> amounts) => amounts.Aggregate(Zero, (total, next) => total + next);

    public Rupiah Add(Rupiah other) => this + other;

    public Rupiah Subtract(Rupiah other) => this - other;

    public Rupiah Multiply(int quantity) => this * quantity;

    public int CompareTo(Rupiah other) => Amount.CompareTo(other.Amount);

    /// <summary>Indonesian notation whatever the UI language: "Rp 1.250.000".</summary>
    public override string ToString()
    {
        var digits = Amount.ToString(CultureInfo.InvariantCulture);
        var grouped = new StringBuilder(digits.Length + (digits.Length / 3));
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append('.');
            }

            grouped.Append(digits[i]);
        }

        return "Rp " + grouped;
    }
}
