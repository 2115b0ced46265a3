using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Shop;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Features.Sellers.Listings;

/// <param name="HasVariants">Price and stock are set per variant in the editor, not in the table.</param>
public sealed record ListingRow(
    long Id, string Sku, string Title, ListingState State, SuspensionSource? SuspendedBy, Rupiah Price, int Stock, DateTimeOffset UpdatedAt, DateTimeOffset StateChangedAt, string? ImageName,
    bool HasVariants, int Version);

public sealed record ListingTable(IReadOnlyList<ListingRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Where a listing stands and why: the latest decision's reason in both languages, and the admin's note if any.</summary>
public sealed record ListingStatus(
    ListingState State, SuspensionSource? SuspendedBy, DateTimeOffset Since, string? AdminNote, IReadOnlyList<string> ReasonCodes, string? ReasonId, string? ReasonEn)
{
    public string? Reason(bool indonesian) => indonesian ? ReasonId : ReasonEn;
}

/// <summary>
/// What a save did: the listing and the state it is in now, or why nothing was saved. <see cref="Stale"/> when the
/// listing was changed elsewhere after the writer read it: nothing was saved, so the other change is not reverted.
/// </summary>
public sealed record ListingSaveResult(long? ListingId, ListingState? State, PolicyVerdict? Verdict, IReadOnlyList<FieldProblem> Problems, bool Stale = false)
{
    public static ListingSaveResult Refused(params FieldProblem[] problems) => new(null, null, null, problems);

    public static ListingSaveResult ChangedElsewhere() => new(null, null, null, [], Stale: true);
}

/// <summary>
/// What a save would do, warned before it is done: the listing's state and the policy's reasons, whether it would earn
/// the shop a strike, the active strikes it would then have, and whether that many suspend the shop.
/// </summary>
public sealed record ListingPreview(ListingSaveResult Outcome, bool EarnsStrike, int ActiveStrikes, int StrikesToSuspend, bool SuspendsShop);

/// <summary>
/// A seller's listings, always filtered by the seller: creating drafts, editing, publishing and re-deciding through
/// <see cref="ListingPublication"/>, archiving and restoring through the entity. A listing of another shop is not found.
/// </summary>
public sealed class SellerListings(MarketplaceDbContext db, ListingPublication publication, StrikeLedger strikes, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>
    /// Runs the save exactly as <see cref="SaveAsync"/> would, inside a transaction that is then rolled back, so the
    /// warning a seller sees before a strike comes from the same code as the effect. Null when the listing is not the seller's.
    /// </summary>
    public async Task<ListingPreview?> PreviewAsync(
        Seller seller, long? listingId, ListingFields fields, IReadOnlyList<StoredImage> newImages, bool publish, DecisionTrigger trigger, string actor,
        int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        return await PolicyTransaction.PreviewAsync<ListingPreview?>(
            db,
            async ct =>
            {
                var before = await strikes.OfSellerAsync(seller.Id, ct);
                var outcome = await SaveAsync(seller, listingId, fields, newImages, publish, trigger, actor, expectedVersion, ct);
                if (outcome is null)
                {
                    return null;
                }

                var after = await strikes.OfSellerAsync(seller.Id, ct);
                var suspended = await db.Sellers.AsNoTracking().AnyAsync(s => s.Id == seller.Id && s.Status != SellerStatus.Active, ct);
                return new ListingPreview(outcome, after.Active > before.Active, after.Active, after.ToSuspend, suspended && seller.Status == SellerStatus.Active);
            },
            cancellationToken);
    }

    public async Task<ListingTable> TableAsync(int sellerId, ListingState? state, string? search, int page, CancellationToken cancellationToken)
    {
        var query = db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId);
        if (state is { } wanted)
        {
            query = query.Where(l => l.State == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(l => EF.Functions.ILike(l.Title, pattern) || EF.Functions.ILike(l.Sku, pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderByDescending(l => l.UpdatedAt).ThenByDescending(l => l.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new ListingRow(
                l.Id, l.Sku, l.Title, l.State, l.SuspendedBy, l.Price, l.Stock, l.UpdatedAt, l.StateChangedAt,
                l.Images.OrderBy(i => i.Position).Select(i => i.StoredName).FirstOrDefault(),
                l.HasVariants,
                l.Version))
            .ToListAsync(cancellationToken);
        return new ListingTable(rows, total, page, PageSize);
    }

    /// <summary>How many of the shop's listings are in each state, every state listed, for the dashboard.</summary>
    public async Task<IReadOnlyList<(ListingState State, int Count)>> CountByStateAsync(int sellerId, CancellationToken cancellationToken)
    {
        var counts = await db.Listings.AsNoTracking().Where(l => l.SellerId == sellerId)
            .GroupBy(l => l.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<ListingState>().Select(s => (s, counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
    }

    /// <summary>The category tree a listing may be placed in, for the edit form's picker.</summary>
    public Task<CategoryIndex> CategoriesAsync(CancellationToken cancellationToken) => CategoryIndex.LoadAsync(db, cancellationToken);

    /// <summary>
    /// The categories closed to cross-border sellers right now, by slug, with the cluster and the reason it was closed: the
    /// picker marks them before a cross-border seller fills the form. The same acting blocks the storefront reads.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ClosedCluster>> ClosedToCrossBorderAsync(CancellationToken cancellationToken)
    {
        var blocks = await db.ClusterBlocksActingAt(clock.GetUtcNow())
            .Join(db.Clusters, b => b.ClusterId, c => c.Id, (b, c) => new { c.Id, c.NameId, c.NameEn, b.Reason, b.StartsAt })
            .ToListAsync(cancellationToken);
        var closed = blocks.GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.StartsAt).Select(b => new ClosedCluster(b.NameId, b.NameEn, b.Reason)).First());
        if (closed.Count == 0)
        {
            return new Dictionary<string, ClosedCluster>();
        }

        var categories = await db.Categories.AsNoTracking().Where(c => c.ClusterId != null).Select(c => new { c.Slug, ClusterId = c.ClusterId!.Value }).ToListAsync(cancellationToken);
        return categories.Where(c => closed.ContainsKey(c.ClusterId)).ToDictionary(c => c.Slug, c => closed[c.ClusterId], StringComparer.OrdinalIgnoreCase);
    }

    public Task<Listing?> FindAsync(int sellerId, long listingId, CancellationToken cancellationToken) =>
        db.Listings.AsNoTracking().Include(l => l.Images).Include(l => l.Variants).SingleOrDefaultAsync(l => l.Id == listingId && l.SellerId == sellerId, cancellationToken);

    public async Task<ListingStatus?> StatusAsync(int sellerId, long listingId, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking()
            .Where(l => l.Id == listingId && l.SellerId == sellerId)
            .Select(l => new { l.State, l.SuspendedBy, l.StateChangedAt, l.StateNote, l.ReasonCodes })
            .SingleOrDefaultAsync(cancellationToken);
        if (listing is null)
        {
            return null;
        }

        var decision = await db.PolicyDecisions.AsNoTracking()
            .Where(d => d.ListingId == listingId)
            .OrderByDescending(d => d.Id)
            .Select(d => new { d.MessageId, d.MessageEn })
            .FirstOrDefaultAsync(cancellationToken);
        var explained = listing.State is ListingState.Rejected or ListingState.PendingReview
            || (listing.State == ListingState.Suspended && listing.SuspendedBy == SuspensionSource.Policy);
        return new ListingStatus(
            listing.State,
            listing.SuspendedBy,
            listing.StateChangedAt,
            listing.StateNote,
            listing.ReasonCodes,
            explained ? decision?.MessageId : null,
            explained ? decision?.MessageEn : null);
    }

    /// <summary>
    /// Creates a draft (and publishes it when asked) or edits an existing listing of the seller. An edit names the content
    /// version it was made from (<see cref="Listing.Version"/>); over a newer version nothing is saved.
    /// </summary>
    public async Task<ListingSaveResult?> SaveAsync(
        Seller seller, long? listingId, ListingFields fields, IReadOnlyList<StoredImage> newImages, bool publish, DecisionTrigger trigger, string actor,
        int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        ArgumentNullException.ThrowIfNull(newImages);
        Listing? existing = null;
        if (listingId is { } id)
        {
            existing = await db.Listings.Include(l => l.Images).Include(l => l.Variants).SingleOrDefaultAsync(l => l.Id == id && l.SellerId == seller.Id, cancellationToken);
            if (existing is null)
            {
                return null;
            }

            if (expectedVersion is { } expected && existing.Version != expected)
            {
                db.ChangeTracker.Clear();
                return ListingSaveResult.ChangedElsewhere();
            }

            // The SKU is the listing's key for CSV and API updates; it is not edited.
            fields = fields with { Sku = existing.Sku };
        }

        var categories = await CategoryIndex.LoadAsync(db, cancellationToken);
        var problems = new List<FieldProblem>();
        var checkedListing = ListingInputChecks.Check(fields, categories, seller.Origin, problems);
        if (checkedListing is null)
        {
            db.ChangeTracker.Clear();
            return ListingSaveResult.Refused([.. problems]);
        }

        if (existing is null && checkedListing.Parcel is null)
        {
            // A new listing is priced for shipping by its weight: there is no sensible default to assume for it.
            db.ChangeTracker.Clear();
            return ListingSaveResult.Refused(new FieldProblem(ListingColumns.WeightGrams, "Seller.Listing.Problem.WeightRequired"));
        }

        if (checkedListing.Variants is null && existing is { HasVariants: true })
        {
            // Variants left as they are: the listing's price and stock stay theirs, whatever was sent.
            var c = checkedListing.Content;
            checkedListing = checkedListing with { Content = new ListingContent(c.CategoryId, c.Title, c.Description, existing.Price, existing.Stock, c.Origin, c.TkdnPercent) };
        }

        if ((existing?.Images.Count ?? 0) + newImages.Count > Listing.MaxImages)
        {
            db.ChangeTracker.Clear();
            return ListingSaveResult.Refused(new FieldProblem("images", "Seller.Image.TooMany"));
        }

        try
        {
            return existing is null
                ? await CreateAsync(seller.Id, checkedListing, newImages, publish, trigger, actor, cancellationToken)
                : await EditAsync(seller.Id, existing, checkedListing, newImages, publish, trigger, actor, expectedVersion, cancellationToken);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return ListingSaveResult.Refused(new FieldProblem(string.Empty, ProblemText.KeyOf(e)));
        }
    }

    /// <summary>Publishes a draft or a rejected listing, or re-decides a live one; null when the listing is not the seller's.</summary>
    public async Task<PublicationResult?> PublishAsync(int sellerId, long listingId, DecisionTrigger trigger, string actor, CancellationToken cancellationToken)
    {
        if (!await db.Listings.AnyAsync(l => l.Id == listingId && l.SellerId == sellerId, cancellationToken))
        {
            return null;
        }

        return await publication.PublishAsync(listingId, trigger, actor, cancellationToken);
    }

    public Task<bool> ArchiveAsync(int sellerId, long listingId, CancellationToken cancellationToken) =>
        ChangeAsync(sellerId, listingId, l => l.Archive(clock.GetUtcNow()), cancellationToken);

    public Task<bool> RestoreAsync(int sellerId, long listingId, CancellationToken cancellationToken) =>
        ChangeAsync(sellerId, listingId, l => l.Restore(clock.GetUtcNow()), cancellationToken);

    public Task<bool> RemoveImageAsync(int sellerId, long listingId, string storedName, CancellationToken cancellationToken) =>
        ChangeAsync(sellerId, listingId, l => l.RemoveImage(storedName), cancellationToken);

    /// <summary>
    /// The table's quick edit, over the content version the table showed. A price is a policy input, so a live listing is
    /// decided again.
    /// </summary>
    public async Task<EditResult?> SetPriceAndStockAsync(int sellerId, long listingId, Rupiah price, int stock, int expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var listing = await FindAsync(sellerId, listingId, cancellationToken);
        if (listing is null)
        {
            return null;
        }

        if (listing.HasVariants)
        {
            throw new DomainException("listing.has_variants", "Price and stock of a listing with variants are set per variant.");
        }

        var content = new ListingContent(listing.CategoryId, listing.Title, listing.Description, price, stock, listing.Origin, listing.TkdnPercent);
        return await publication.EditAsync(listingId, sellerId, content, DecisionTrigger.SellerEdit, actor, expectedVersion, cancellationToken: cancellationToken);
    }

    private async Task<ListingSaveResult> CreateAsync(
        int sellerId, CheckedListing checkedListing, IReadOnlyList<StoredImage> images, bool publish, DecisionTrigger trigger, string actor, CancellationToken cancellationToken)
    {
        if (await db.Listings.AnyAsync(l => l.SellerId == sellerId && l.Sku == checkedListing.Sku, cancellationToken))
        {
            return ListingSaveResult.Refused(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuTaken"));
        }

        // Saved and published in one transaction: a listing refused before the policy (no photo) leaves no draft behind,
        // so the form comes back as typed and the same SKU can be sent again.
        try
        {
            var (id, decided) = await publication.CreateAsync(
                () =>
                {
                    var listing = new Listing(sellerId, checkedListing.Sku, checkedListing.Content, clock.GetUtcNow(), checkedListing.Parcel);
                    if (checkedListing.Variants is { Count: > 0 } variants)
                    {
                        listing.SetVariants(variants, clock.GetUtcNow());
                    }

                    foreach (var image in images)
                    {
                        listing.AddImage(image.Name, image.ContentType);
                    }

                    return listing;
                },
                publish,
                trigger,
                actor,
                cancellationToken);
            return decided is null
                ? new ListingSaveResult(id, ListingState.Draft, null, [])
                : new ListingSaveResult(id, decided.State, decided.Verdict, []);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return ListingSaveResult.Refused(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuTaken"));
        }
    }

    private async Task<ListingSaveResult> EditAsync(
        int sellerId, Listing listing, CheckedListing checkedListing, IReadOnlyList<StoredImage> images, bool publish, DecisionTrigger trigger, string actor,
        int? expectedVersion, CancellationToken cancellationToken)
    {
        if (images.Count > 0)
        {
            foreach (var image in images)
            {
                listing.AddImage(image.Name, image.ContentType);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();

        // A live listing decided again because of this edit is recorded as an edit; the API records its own trigger.
        var editTrigger = trigger == DecisionTrigger.SellerApi ? DecisionTrigger.SellerApi : DecisionTrigger.SellerEdit;
        var edited = await publication.EditAsync(
            listing.Id, sellerId, checkedListing.Content, editTrigger, actor, expectedVersion, checkedListing.Variants, publish ? trigger : null, cancellationToken);
        if (edited is null)
        {
            return ListingSaveResult.Refused(new FieldProblem(string.Empty, "Seller.Error.Other"));
        }

        if (edited.Stale)
        {
            return ListingSaveResult.ChangedElsewhere();
        }

        if (checkedListing.Parcel is { } parcel)
        {
            // Weight and size are no policy input: they are written beside the decided edit.
            var stored = await db.Listings.SingleAsync(l => l.Id == listing.Id, cancellationToken);
            stored.Resize(parcel, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return new ListingSaveResult(listing.Id, edited.State, edited.Verdict, []);
    }

    private async Task<bool> ChangeAsync(int sellerId, long listingId, Action<Listing> change, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.Include(l => l.Images).SingleOrDefaultAsync(l => l.Id == listingId && l.SellerId == sellerId, cancellationToken);
        if (listing is null)
        {
            return false;
        }

        change(listing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
