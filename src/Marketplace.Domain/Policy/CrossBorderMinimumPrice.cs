namespace Marketplace.Domain.Policy;

/// <summary>
/// The optional floor for cross-border prices, after Permendag 31/2023 (USD 100 FOB per unit, converted at a dated rate).
/// Goods whose category carries an HS chapter on the positive list are exempt. The amount is whole US cents, as money is
/// whole units here; the rate is rupiah per dollar to the sen (two decimals), which is what the rule keeps.
/// </summary>
public sealed record CrossBorderMinimumPrice(bool Enabled, long UsdCents, decimal IdrPerUsd, DateOnly RateDate, IReadOnlySet<int> ExemptHsChapters)
{
    /// <summary>Digits after the point the rate keeps.</summary>
    public const int RateDecimals = 2;

    /// <summary>Off, at the regulation's USD 100; books and printed matter (49) and films (37) exempt.</summary>
    public static readonly CrossBorderMinimumPrice Off = new(false, 100_00, 16_000m, new DateOnly(2024, 1, 2), new HashSet<int> { 37, 49 });

    /// <summary>The amount in dollars, for people to read.</summary>
    public decimal Usd => UsdCents / 100m;

    public Rupiah Threshold => new((long)Math.Ceiling(UsdCents * IdrPerUsd / 100m));

    /// <summary>A positive amount and a positive rate that the rule can keep exactly.</summary>
    public bool IsValid => UsdCents > 0 && IdrPerUsd > 0 && decimal.Round(IdrPerUsd, RateDecimals) == IdrPerUsd;

    public bool Exempts(IReadOnlyList<int> hsChapters) => hsChapters.Any(ExemptHsChapters.Contains);
}
