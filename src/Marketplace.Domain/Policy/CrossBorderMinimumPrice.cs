namespace Marketplace.Domain.Policy;

/// <summary>
/// The optional floor for cross-border prices, after Permendag 31/2023 (USD 100 FOB per unit, converted at a dated rate).
/// Goods whose category carries an HS chapter on the positive list are exempt.
/// </summary>
public sealed record CrossBorderMinimumPrice(bool Enabled, decimal UsdAmount, decimal IdrPerUsd, DateOnly RateDate, IReadOnlySet<int> ExemptHsChapters)
{
    /// <summary>Off, at the regulation's USD 100; books and printed matter (49) and films (37) exempt.</summary>
    public static readonly CrossBorderMinimumPrice Off = new(false, 100m, 16_000m, new DateOnly(2024, 1, 2), new HashSet<int> { 37, 49 });

    public Rupiah Threshold => new((long)Math.Ceiling(UsdAmount * IdrPerUsd));

    public bool Exempts(IReadOnlyList<int> hsChapters) => hsChapters.Any(ExemptHsChapters.Contains);
}
