using Marketplace.Domain.Audit;
using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Enforcement;

/// <summary>One shop a closure would reach, with what it would take away.</summary>
public sealed record ClosureShop(int SellerId, string StoreName, string CountryCode, int LiveListings, int OpenOrderLines);

/// <summary>What closing these shops now would do; computed by the same query the closure runs.</summary>
public sealed record ClosurePreview(IReadOnlyList<ClosureShop> Shops)
{
    public int LiveListings => Shops.Sum(s => s.LiveListings);

    public int OpenOrderLines => Shops.Sum(s => s.OpenOrderLines);
}

/// <summary>A closure as the admins read it.</summary>
public sealed record ClosureRow(long Id, int Shops, string Reason, DateTimeOffset ClosesAt, string CreatedBy, DateTimeOffset? AppliedAt, DateTimeOffset? ReversedAt);

/// <summary>
/// Closing cross-border shops, as Lazada did in 2021: an admin previews the shops (chosen, or every active cross-border
/// shop whose live catalogue lies wholly in closed clusters), their live listings and open orders, then schedules the
/// closure with a reason and an instant. At the instant each shop is closed through the policy (every listing off the
/// storefront at once), its owner signed out everywhere and refused at sign-in and on the API, its new and packed order
/// lines cancelled with restock and the shoppers told by e-mail in their language; shipped lines run on. Reversible.
/// </summary>
public sealed class ShopClosures(MarketplaceDbContext db, PolicyRuleChanges rules, EmailOutbox outbox, AdminActionLog actions, TimeProvider clock)
{
    public const string Actor = "closure";

    /// <summary>Every active cross-border shop with live listings, all of them in clusters closed now.</summary>
    public async Task<IReadOnlyList<int>> WhollyInClosedClustersAsync(CancellationToken cancellationToken)
    {
        var policy = await PolicyRules.LoadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var closed = policy.Clusters.Keys.Where(c => policy.Rules.IsBlocked(c, now)).ToArray();
        return await db.Sellers.AsNoTracking()
            .Where(s => s.Status == SellerStatus.Active).Where(PlacedListings.ShopAbroad)
            .Where(s => db.PlacedListings.Where(PlacedListings.RuleChangeCandidate).Any(p => p.Listing.SellerId == s.Id))
            .Where(s => !db.PlacedListings.Where(PlacedListings.RuleChangeCandidate).Any(p => p.Listing.SellerId == s.Id && !closed.Contains(p.Category.ClusterId ?? 0)))
            .OrderBy(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<ClosurePreview> PreviewAsync(IReadOnlyCollection<int> sellerIds, CancellationToken cancellationToken)
    {
        var ids = sellerIds.Distinct().ToArray();
        var shops = await db.Sellers.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.Status != SellerStatus.Closed)
            .OrderBy(s => s.StoreName).ThenBy(s => s.Id)
            .Select(s => new ClosureShop(
                s.Id, s.StoreName, s.CountryCode,
                db.Listings.Count(l => l.SellerId == s.Id && l.State == ListingState.Published),
                db.OrderLines.Count(l => l.SellerId == s.Id && (l.Status == OrderLineStatus.New || l.Status == OrderLineStatus.Packed))))
            .ToListAsync(cancellationToken);
        return new ClosurePreview(shops);
    }

    /// <summary>Records the closure; one whose instant has come takes effect at once.</summary>
    public async Task<long> ScheduleAsync(IReadOnlyCollection<int> sellerIds, string reason, DateTimeOffset closesAt, AdminActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var preview = await PreviewAsync(sellerIds, cancellationToken);
        var closure = new ShopClosure(preview.Shops.Select(s => s.SellerId).ToList(), reason, closesAt, actor.Email, clock.GetUtcNow());
        db.ShopClosures.Add(closure);
        await actions.RecordAsync(
            actor, AdminActionKind.ShopClosureScheduled, new AdminTarget(), closure.Reason,
            FormattableString.Invariant($"closure; shops={string.Join(',', closure.SellerIds)}; closes_at={closure.ClosesAt:O}; listings={preview.LiveListings}; open_lines={preview.OpenOrderLines}"),
            cancellationToken);
        db.ChangeTracker.Clear();
        if (closure.ClosesAt <= clock.GetUtcNow())
        {
            // Waits for a sweep that may have claimed it meanwhile, so the closure has taken effect when this returns.
            await ApplyAsync(closure.Id, cancellationToken);
        }

        return closure.Id;
    }

    /// <summary>Applies closures whose instant has come; safe on every node at once (each closure is claimed with SKIP LOCKED).</summary>
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken)
    {
        var applied = 0;
        while (await ApplyNextAsync(cancellationToken))
        {
            applied++;
        }

        return applied;
    }

    public async Task<IReadOnlyList<ClosureRow>> RecentAsync(CancellationToken cancellationToken) =>
        await db.ShopClosures.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(50)
            .Select(c => new ClosureRow(c.Id, c.SellerIds.Length, c.Reason, c.ClosesAt, c.CreatedBy, c.AppliedAt, c.ReversedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Reopens the closure's shops through the policy: listings the rules allow come back; cancelled orders stay cancelled.</summary>
    public Task ReverseAsync(long closureId, string reason, AdminActor actor, CancellationToken cancellationToken) =>
        PolicyTransaction.RunAsync(db, async ct =>
        {
            var closure = await db.ShopClosures.FromSql($"SELECT * FROM shop_closures WHERE id = {closureId} FOR UPDATE").SingleOrDefaultAsync(ct)
                ?? throw new DomainException("closure.not_found", "There is no such closure.");
            closure.Reverse(actor.Email, clock.GetUtcNow());
            var restored = 0;
            foreach (var sellerId in closure.SellerIds)
            {
                if (await db.Sellers.AnyAsync(s => s.Id == sellerId && s.Status == SellerStatus.Closed, ct))
                {
                    restored += (await rules.ReopenSellerAsync(sellerId, actor.Email, ct)).Restored;
                }
            }

            await actions.RecordAsync(actor, AdminActionKind.ShopClosureReversed, new AdminTarget(), reason, FormattableString.Invariant($"closure={closure.Id}; restored={restored}"), ct);
            return true;
        },
        cancellationToken);

    private Task<bool> ApplyNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(
            d => d.ShopClosures.FromSql($"SELECT * FROM shop_closures WHERE applied_at IS NULL AND reversed_at IS NULL AND closes_at <= {now} ORDER BY closes_at LIMIT 1 FOR UPDATE SKIP LOCKED"),
            now,
            cancellationToken);
    }

    private Task<bool> ApplyAsync(long closureId, CancellationToken cancellationToken) =>
        ApplyAsync(d => d.ShopClosures.FromSql($"SELECT * FROM shop_closures WHERE id = {closureId} FOR UPDATE"), clock.GetUtcNow(), cancellationToken);

    /// <summary>Applies the closure the query locks, unless it has taken effect or been reversed meanwhile.</summary>
    private async Task<bool> ApplyAsync(Func<MarketplaceDbContext, IQueryable<ShopClosure>> locking, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var done = await PolicyTransaction.RunAsync(db, async ct =>
        {
            var closure = await locking(db).SingleOrDefaultAsync(ct);
            if (closure is null || !closure.IsDueAt(now))
            {
                return false;
            }

            var suspended = 0;
            var cancelled = 0;
            foreach (var sellerId in closure.SellerIds)
            {
                suspended += (await rules.CloseSellerAsync(sellerId, closure.Reason, Actor, ct)).Suspended;
                await UserSessions.EndEverywhereAsync(db, await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.UserId).SingleAsync(ct), ct);
                cancelled += await CancelOpenLinesAsync(sellerId, closure, now, ct);
            }

            closure.MarkApplied(now);
            db.AdminActions.Add(new AdminAction(
                AdminActionKind.ShopClosureApplied, Actor, Actor, new AdminTarget(), closure.Reason,
                FormattableString.Invariant($"closure={closure.Id}; shops={closure.SellerIds.Length}; listings_down={suspended}; lines_cancelled={cancelled}"), now));
            await db.SaveChangesAsync(ct);
            return true;
        },
        cancellationToken);
        db.ChangeTracker.Clear();
        return done;
    }

    /// <summary>New and packed lines are cancelled and restocked; each shopper gets one e-mail per order in their language.</summary>
    private async Task<int> CancelOpenLinesAsync(int sellerId, ShopClosure closure, DateTimeOffset now, CancellationToken ct)
    {
        var lines = await db.OrderLines
            .FromSql($"SELECT *, xmin FROM order_lines WHERE seller_id = {sellerId} AND status IN ({(int)OrderLineStatus.New}, {(int)OrderLineStatus.Packed}) ORDER BY id FOR UPDATE")
            .ToListAsync(ct);
        var listingIds = lines.Select(l => l.ListingId).Distinct().ToArray();
        // Locked in id order before their variants change, as checkout takes them.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM listings WHERE id = ANY({listingIds}) ORDER BY id FOR UPDATE", ct);
        var listings = await db.Listings.Include(l => l.Variants).Where(l => listingIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        foreach (var line in lines)
        {
            db.OrderLineEvents.Add(line.Cancel(listings[line.ListingId], Actor, now));
        }

        var orderIds = lines.Select(l => l.OrderId).Distinct().ToArray();
        var shoppers = await (from o in db.Orders
                              join u in db.Users on o.ShopperUserId equals u.Id
                              where orderIds.Contains(o.Id)
                              select new { o.Number, u.Email, u.PreferredLanguage })
            .ToListAsync(ct);
        var store = await db.Sellers.Where(s => s.Id == sellerId).Select(s => s.StoreName).SingleAsync(ct);
        foreach (var shopper in shoppers.Where(s => s.Email is not null))
        {
            outbox.Add(shopper.Email!, shopper.PreferredLanguage, "Email.ShopClosedOrderCancelled", shopper.Number, store);
        }

        await db.SaveChangesAsync(ct);
        return lines.Count;
    }
}
