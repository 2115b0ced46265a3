using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin;

/// <summary>One listing of an effect's sample, named as an admin recognises it.</summary>
public sealed record SampleListing(long Id, string Title, int SellerId, string SellerName, string SellerCountry);

/// <summary>What a rule change did or would do, with a few of the listings it moved.</summary>
public sealed record RuleChangeEffect(RedecisionSummary Summary, IReadOnlyList<SampleListing> Sample)
{
    public static async Task<RuleChangeEffect> DescribeAsync(MarketplaceDbContext db, RedecisionSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(summary);
        var ids = summary.Sample.ToArray();
        var rows = await (
            from l in db.Listings.AsNoTracking()
            join s in db.Sellers on l.SellerId equals s.Id
            where ids.Contains(l.Id)
            select new SampleListing(l.Id, l.Title, s.Id, s.StoreName, s.CountryCode))
            .ToListAsync(cancellationToken);
        return new RuleChangeEffect(summary, rows.OrderBy(r => Array.IndexOf(ids, r.Id)).ToList());
    }

    /// <summary>Language-neutral counts for the audit trail's details.</summary>
    public static string Details(RedecisionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FormattableString.Invariant(
            $"decided={summary.Decided}; suspended={summary.Suspended}; restored={summary.Restored}; sent_to_review={summary.SentToReview}; sellers={summary.SellersAffected}");
    }
}
