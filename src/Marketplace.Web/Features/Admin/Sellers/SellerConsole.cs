using Marketplace.Domain.Audit;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Admin.Sellers;

/// <summary>How an admin narrows the seller list; every field may be empty.</summary>
public sealed record SellerFilter(string? Query, SellerOrigin? Origin, string? Country, SellerStatus? Status, int Page);

public sealed record SellerRow(
    int Id, string StoreName, string Slug, string Email, SellerOrigin Origin, string CountryCode, string City, string Province,
    SellerStatus Status, bool Verified, int LiveListings);

public sealed record SellerSearchResult(IReadOnlyList<SellerRow> Sellers, int Total, int Page, int PageCount, IReadOnlyList<string> Countries);

public sealed record SellerListingRow(long Id, string Sku, string Title, long PriceIdr, ListingState State, SuspensionSource? SuspendedBy, string? StateNote, DateTimeOffset UpdatedAt);

public sealed record SellerDecisionRow(long Id, long ListingId, PolicyOutcome Outcome, IReadOnlyList<string> ReasonCodes, DecisionTrigger Trigger, string Actor, DateTimeOffset DecidedAt);

public sealed record SellerOrderRow(string OrderNumber, DateTimeOffset PlacedAt, string Title, int Quantity, long UnitPriceIdr, OrderLineStatus Status);

public sealed record SellerActionRow(AdminActionKind Kind, string ActorEmail, string? Reason, DateTimeOffset At);

public sealed record SellerDetail(
    Seller Seller, string Email, IReadOnlyList<SellerListingRow> Listings, int ListingCount, IReadOnlyList<SellerDecisionRow> Decisions,
    IReadOnlyList<SellerOrderRow> Orders, IReadOnlyList<SellerActionRow> Actions);

/// <summary>Sellers for admins: finding them, reading their shop, verifying, suspending and reinstating through the policy.</summary>
public sealed class SellerConsole(MarketplaceDbContext db, PolicyRuleChanges rules, AdminActionLog actions, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int Shown = 50;

    public async Task<SellerSearchResult> SearchAsync(SellerFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query =
            from s in db.Sellers.AsNoTracking()
            join u in db.Users on s.UserId equals u.Id
            select new { Seller = s, u.Email };
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var pattern = "%" + filter.Query.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.ILike(x.Seller.StoreName, pattern) || EF.Functions.ILike(x.Seller.Slug, pattern) || EF.Functions.ILike(x.Email!, pattern));
        }

        if (filter.Origin is { } origin)
        {
            query = query.Where(x => x.Seller.Origin == origin);
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim().ToUpperInvariant();
            query = query.Where(x => x.Seller.CountryCode == country);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Seller.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await query
            .OrderBy(x => x.Seller.StoreName).ThenBy(x => x.Seller.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new SellerRow(
                x.Seller.Id, x.Seller.StoreName, x.Seller.Slug, x.Email ?? string.Empty, x.Seller.Origin, x.Seller.CountryCode, x.Seller.City, x.Seller.Province,
                x.Seller.Status, x.Seller.VerifiedAt != null,
                db.Listings.Count(l => l.SellerId == x.Seller.Id && l.State == ListingState.Published)))
            .ToListAsync(cancellationToken);
        var countries = await db.Sellers.Select(s => s.CountryCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        return new SellerSearchResult(rows, total, page, pageCount, countries);
    }

    public async Task<SellerDetail?> DetailAsync(int sellerId, CancellationToken cancellationToken)
    {
        var found = await (
            from s in db.Sellers.AsNoTracking()
            join u in db.Users on s.UserId equals u.Id
            where s.Id == sellerId
            select new { Seller = s, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var listings = await db.Listings.AsNoTracking()
            .Where(l => l.SellerId == sellerId)
            .OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id)
            .Take(Shown)
            .Select(l => new SellerListingRow(l.Id, l.Sku, l.Title, l.Price.Amount, l.State, l.SuspendedBy, l.StateNote, l.UpdatedAt))
            .ToListAsync(cancellationToken);
        var listingCount = await db.Listings.CountAsync(l => l.SellerId == sellerId, cancellationToken);
        var decisions = await db.PolicyDecisions.AsNoTracking()
            .Where(d => d.SellerId == sellerId)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .Take(Shown)
            .Select(d => new SellerDecisionRow(d.Id, d.ListingId, d.Outcome, d.ReasonCodes, d.Trigger, d.Actor, d.DecidedAt))
            .ToListAsync(cancellationToken);
        var orders = await (
            from line in db.OrderLines.AsNoTracking()
            join o in db.Orders on line.OrderId equals o.Id
            where line.SellerId == sellerId
            orderby o.PlacedAt descending, line.Id descending
            select new { o.Number, o.PlacedAt, line.Title, line.Quantity, line.UnitPrice, line.Status })
            .Take(Shown)
            .ToListAsync(cancellationToken);
        var actions = await db.AdminActions.AsNoTracking()
            .Where(a => a.SellerId == sellerId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(Shown)
            .Select(a => new SellerActionRow(a.Kind, a.ActorEmail, a.Reason, a.At))
            .ToListAsync(cancellationToken);
        return new SellerDetail(
            found.Seller,
            found.Email ?? string.Empty,
            listings,
            listingCount,
            decisions,
            orders.Select(o => new SellerOrderRow(o.Number, o.PlacedAt, o.Title, o.Quantity, o.UnitPrice.Amount, o.Status)).ToList(),
            actions);
    }

    /// <summary>The shop's request for local status waiting for an admin, if any.</summary>
    public Task<long?> WaitingEvidenceAsync(int sellerId, CancellationToken cancellationToken) =>
        db.OriginEvidence.Where(e => e.SellerId == sellerId && e.Status == OriginVerification.Pending).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Suspends the shop: every live listing goes down at once through the policy, and the seller is told why in both languages.</summary>
    public Task<RedecisionSummary> SuspendAsync(int sellerId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var effect = await rules.SuspendSellerAsync(sellerId, reason, actor.Email, ct);
            await UserSessions.EndEverywhereAsync(db, await OwnerAsync(sellerId, ct), ct);
            var now = clock.GetUtcNow();
            var why = reason.Trim();
            db.SellerNotifications.Add(new SellerNotification(
                sellerId,
                SellerNotificationKind.SellerSuspended,
                null,
                effect.Suspended,
                $"Toko Anda ditangguhkan oleh admin dan semua produk Anda tidak tampil. Alasan: {why}",
                $"Your shop was suspended by an admin and none of your listings is shown. Reason: {why}",
                now));
            await actions.RecordAsync(actor, AdminActionKind.SellerSuspended, new AdminTarget(SellerId: sellerId), reason, RuleChangeEffect.Details(effect), ct);
            return effect;
        },
        cancellationToken);

    /// <summary>Ends every session of the shop's owner, on every node, with the next request.</summary>
    public async Task SignOutEverywhereAsync(int sellerId, AdminActor actor, CancellationToken cancellationToken)
    {
        await UserSessions.EndEverywhereAsync(db, await OwnerAsync(sellerId, cancellationToken), cancellationToken);
        await actions.RecordAsync(actor, AdminActionKind.SessionsEnded, new AdminTarget(SellerId: sellerId), null, null, cancellationToken);
    }

    private Task<string> OwnerAsync(int sellerId, CancellationToken cancellationToken) =>
        db.Sellers.Where(s => s.Id == sellerId).Select(s => s.UserId).SingleAsync(cancellationToken);

    public Task<RedecisionSummary> ReinstateAsync(int sellerId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var effect = await rules.ReinstateSellerAsync(sellerId, actor.Email, ct);
            var now = clock.GetUtcNow();
            db.SellerNotifications.Add(new SellerNotification(
                sellerId,
                SellerNotificationKind.SellerReinstated,
                null,
                effect.Restored,
                "Toko Anda aktif kembali; produk yang diizinkan aturan tayang lagi.",
                "Your shop is active again; listings the rules allow are live again.",
                now));
            await actions.RecordAsync(actor, AdminActionKind.SellerReinstated, new AdminTarget(SellerId: sellerId), reason, RuleChangeEffect.Details(effect), ct);
            return effect;
        },
        cancellationToken);
}
