namespace Marketplace.Web.Features.Ledger;

public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>Days after delivery when a part's escrow is released to the seller if the shopper has not confirmed receipt.</summary>
    public int ReleaseDaysAfterDelivery { get; set; } = 3;

    /// <summary>
    /// Days after shipping when a part the seller shipped by hand (no courier booked, so no tracking says it arrived) is
    /// released if the shopper has not confirmed receipt; the seller's own "delivered" starts no clock.
    /// </summary>
    public int ReleaseDaysAfterSelfShipping { get; set; } = 14;

    /// <summary>How often the after-delivery job looks for escrow to release, parts past their ship-by deadline and payouts to hand over.</summary>
    public int SweepSeconds { get; set; } = 60;
}

/// <summary>The platform fee: <c>Fees__Percent</c>, and per cluster <c>Fees__PercentByCluster__&lt;code&gt;</c>.</summary>
public sealed class FeeOptions
{
    public const string Section = "Fees";

    public decimal Percent { get; set; } = 5m;

    public Dictionary<string, decimal> PercentByCluster { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
