using Marketplace.Domain.Orders;

namespace Marketplace.Domain.Money;

/// <summary>
/// The platform's fee: a percentage of the goods (never of the shipping fee, which pays the courier), by default or per
/// cluster. Whole rupiah, rounded half up per line, so each line's fee is what the seller can recompute.
/// </summary>
public sealed class FeeSchedule
{
    private readonly Dictionary<string, decimal> _byCluster;

    public FeeSchedule(decimal defaultPercent, IReadOnlyDictionary<string, decimal>? byCluster = null)
    {
        DefaultPercent = Valid(defaultPercent);
        _byCluster = (byCluster ?? new Dictionary<string, decimal>()).ToDictionary(p => p.Key, p => Valid(p.Value), StringComparer.OrdinalIgnoreCase);
    }

    public decimal DefaultPercent { get; }

    public decimal PercentFor(string? clusterCode) =>
        clusterCode is not null && _byCluster.TryGetValue(clusterCode, out var percent) ? percent : DefaultPercent;

    public Rupiah FeeOn(Rupiah goods, string? clusterCode) =>
        new((long)Math.Round(goods.Amount * PercentFor(clusterCode) / 100m, MidpointRounding.AwayFromZero));

    /// <summary>The fee on a part's delivered lines; cancelled lines were refunded and earn nothing.</summary>
    public Rupiah FeeOn(OrderPart part, IReadOnlyDictionary<long, string?> clusterOfListing)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(clusterOfListing);
        return Rupiah.Sum(part.Lines.Where(l => l.Status == OrderLineStatus.Delivered).Select(l => FeeOn(l.LineTotal, clusterOfListing.GetValueOrDefault(l.ListingId))));
    }

    private static decimal Valid(decimal percent) => percent is >= 0 and <= 100
        ? percent
        : throw new DomainException("fees.percent_invalid", $"A fee is 0 to 100 percent, not {percent}.");
}
