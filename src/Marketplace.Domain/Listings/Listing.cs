using Marketplace.Domain.Shipping;

namespace Marketplace.Domain.Listings;

/// <summary>
/// A product offer by one seller in one category. Its state changes only through these methods;
/// the only way to <see cref="ListingState.Published"/> is a policy verdict that allows it.
/// </summary>
public sealed class Listing
{
    public const int MaxImages = 8;

    /// <summary>The most variants a listing may have: enough for five sizes in six colours.</summary>
    public const int MaxVariants = 30;

    private readonly List<ListingImage> _images = [];
    private readonly List<ListingVariant> _variants = [];
    private List<string> _reasonCodes = [];

    private Listing()
    {
        Sku = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
    }

    /// <param name="parcel">One packed unit's weight and size; the assumed kilogram when the maker did not ask for one.</param>
    public Listing(int sellerId, string sku, ListingContent content, DateTimeOffset at, ParcelSize? parcel = null)
        : this()
    {
        ArgumentNullException.ThrowIfNull(content);
        parcel ??= ParcelSize.Assumed;
        (WeightGrams, LengthCm, WidthCm, HeightCm) = (parcel.Grams, parcel.LengthCm, parcel.WidthCm, parcel.HeightCm);
        SellerId = sellerId;
        Sku = ListingContent.NormalizeSku(sku);
        CreatedAt = at;
        StateChangedAt = at;
        Apply(content);
        UpdatedAt = at;
        Version = 1;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public int CategoryId { get; private set; }

    /// <summary>The seller's own stock-keeping code, unique within the shop; CSV uploads match on it.</summary>
    public string Sku { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public Rupiah Price { get; private set; }

    public int Stock { get; private set; }

    public ProductOrigin Origin { get; private set; }

    public decimal? TkdnPercent { get; private set; }

    public ListingState State { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public SuspensionSource? SuspendedBy { get; private set; }

    /// <summary>Why an admin took the listing down or rejected it; policy reasons are in <see cref="ReasonCodes"/>.</summary>
    public string? StateNote { get; private set; }

    /// <summary>Reason codes of the decision that put the listing in its current state.</summary>
    public IReadOnlyList<string> ReasonCodes => _reasonCodes;

    /// <summary>An admin has looked at this content and found it correctly classified; cleared again by any edit of its text or category.</summary>
    public bool MisclassificationCleared { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The content's version: one more with every edit of what the seller wrote (form, API, CSV import), untouched by
    /// policy decisions and sales, so a writer holding an older version (an import's upload, an edit form, an API
    /// client's If-Match) knows the seller changed the listing since.
    /// </summary>
    public int Version { get; private set; }

    /// <summary>PostgreSQL's row version (xmin), EF's optimistic concurrency token for any change of the row.</summary>
    public uint RowVersion { get; private set; }

    public IReadOnlyCollection<ListingImage> Images => _images.AsReadOnly();

    /// <summary>Sizes, colours: each with its own price and stock. Empty for a listing sold as one thing.</summary>
    public IReadOnlyCollection<ListingVariant> Variants => _variants.AsReadOnly();

    /// <summary>
    /// Kept on the row with <see cref="Variants"/> so cards and search read a column: while true, <see cref="Price"/> is the
    /// lowest variant price ("mulai Rp ...") and <see cref="Stock"/> the variants' stock together.
    /// </summary>
    public bool HasVariants { get; private set; }

    /// <summary>
    /// Units sold ("120 terjual"): quantities of order lines whose order was released to the seller (paid, or cash on
    /// delivery) and that were not cancelled since. Kept on the row by checkout, payment and cancellation, so cards read a column.
    /// </summary>
    public int SoldCount { get; private set; }

    /// <summary>How many shown reviews the listing has; hidden reviews do not count.</summary>
    public int RatingCount { get; private set; }

    /// <summary>The sum of the shown reviews' stars; with <see cref="RatingCount"/> it gives the average without reading the reviews.</summary>
    public int RatingSum { get; private set; }

    /// <summary>The packed weight of one unit in grams, which the courier's price follows.</summary>
    public int WeightGrams { get; private set; } = ParcelSize.Assumed.Grams;

    public int? LengthCm { get; private set; }

    public int? WidthCm { get; private set; }

    public int? HeightCm { get; private set; }

    public ParcelSize Parcel => new(WeightGrams, LengthCm, WidthCm, HeightCm);

    /// <summary>Sets the weight and size of one packed unit; a change is a new version of the listing, like a content edit.</summary>
    public void Resize(ParcelSize parcel, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        if (parcel == Parcel)
        {
            return;
        }

        (WeightGrams, LengthCm, WidthCm, HeightCm) = (parcel.Grams, parcel.LengthCm, parcel.WidthCm, parcel.HeightCm);
        UpdatedAt = at;
        Version++;
    }

    public ListingContent Content => new(CategoryId, Title, Description, Price, Stock, Origin, TkdnPercent);

    public bool IsVisibleState => State == ListingState.Published;

    /// <summary>The columns a state change writes, as the state machine (<see cref="ListingTransitions"/>) reads and returns them.</summary>
    public ListingStateColumns StateColumns => new(State, SuspendedBy, ReasonCodes, StateNote, StateChangedAt, PublishedAt);

    /// <summary>
    /// Changes what the listing says. Returns true when something the policy reads changed,
    /// in which case a published listing must be decided again before anyone sees the new text.
    /// </summary>
    public bool Edit(ListingContent content, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureNot(ListingState.Archived, "edit");
        var change = content.ChangeFrom(Content);
        Apply(content);
        UpdatedAt = at;
        if (change.Changed)
        {
            Version++;
        }

        if (change.WithdrawsClearance)
        {
            MisclassificationCleared = false;
        }

        return change.PolicyInputChanged;
    }

    /// <summary>Price and stock edits from the seller's table; a price change is a policy input.</summary>
    public bool SetPriceAndStock(Rupiah price, int stock, DateTimeOffset at) =>
        Edit(new ListingContent(CategoryId, Title, Description, price, stock, Origin, TkdnPercent), at);

    public void DecrementStock(int quantity)
    {
        if (quantity <= 0 || quantity > Stock)
        {
            throw new DomainException("listing.insufficient_stock", $"Only {Stock} left.");
        }

        Stock -= quantity;
    }

    /// <summary>
    /// Puts units back on sale: on the variant they were sold from and on the listing's total. Units of a variant the seller
    /// has removed since, or sold before the listing had variants, belong to no variant now and are not put back.
    /// </summary>
    /// <remarks>The listing must be loaded with its <see cref="Variants"/> when <paramref name="variantId"/> is given.</remarks>
    public void Restock(int quantity, long? variantId = null)
    {
        if (quantity <= 0)
        {
            throw new DomainException("listing.restock_invalid", "Restock a positive quantity.");
        }

        if (variantId is { } id)
        {
            var variant = _variants.Find(v => v.Id == id)
                ?? throw new InvalidOperationException($"Listing {Id} was loaded without its variant {id}.");
            variant.Restock(quantity);
        }
        else if (HasVariants)
        {
            return;
        }

        Stock += quantity;
    }

    /// <summary>
    /// Takes units off sale again, from the variant and the listing's total, the mirror of <see cref="Restock"/>: for a line
    /// that comes back. False, with nothing taken, when fewer are left or the variant is gone.
    /// </summary>
    public bool TryTake(int quantity, long? variantId)
    {
        var variant = variantId is { } id ? _variants.Find(v => v.Id == id) : null;
        if (quantity <= 0 || quantity > Stock || (variantId is not null && (variant is null || quantity > variant.Stock)) || (variantId is null && HasVariants))
        {
            return false;
        }

        variant?.Take(quantity);
        Stock -= quantity;
        return true;
    }

    /// <summary>
    /// Replaces the listing's variants with <paramref name="drafts"/>: drafts naming an existing variant change it (carts
    /// holding it keep it), the others are added, variants not named are removed. Price and stock become the lowest variant
    /// price and the total stock. Returns true when something the policy reads changed (the variants' words, or the
    /// price): a live listing is then decided again like any edit (see <see cref="Edit"/>).
    /// </summary>
    public bool SetVariants(IReadOnlyList<VariantDraft> drafts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        EnsureNot(ListingState.Archived, "edit");
        CheckVariants(drafts);
        var before = (Variants: _variants.Select(v => (v.Id, v.Label, v.Price, v.Stock)).ToList(), Price, Stock);
        var wordsBefore = _variants.Select(v => v.Label).Order(StringComparer.Ordinal).ToList();
        _variants.RemoveAll(v => !drafts.Any(d => d.Id == v.Id));
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var existing = draft.Id is { } id ? _variants.Find(v => v.Id == id) : null;
            if (existing is null)
            {
                _variants.Add(new ListingVariant(draft, i));
            }
            else
            {
                existing.Apply(draft, i);
            }
        }

        HasVariants = _variants.Count > 0;
        if (HasVariants)
        {
            Price = _variants.Min(v => v.Price);
            Stock = _variants.Sum(v => v.Stock);
        }

        if (!before.Variants.SequenceEqual(_variants.Select(v => (v.Id, v.Label, v.Price, v.Stock))) || before.Price != Price || before.Stock != Stock)
        {
            Version++;
            UpdatedAt = at;
        }

        var wordsChanged = !wordsBefore.SequenceEqual(_variants.Select(v => v.Label).Order(StringComparer.Ordinal));
        if (wordsChanged)
        {
            // An admin's clearance was of the words it saw.
            MisclassificationCleared = false;
        }

        return wordsChanged || before.Price != Price;
    }

    /// <summary>The price and stock the listing will have with these variants: what an edit with them must carry.</summary>
    public static (Rupiah Price, int Stock) Totals(IReadOnlyList<VariantDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        CheckVariants(drafts);
        return (drafts.Min(d => d.Price), drafts.Sum(d => d.Stock));
    }

    private static void CheckVariants(IReadOnlyList<VariantDraft> drafts)
    {
        if (drafts.Count > MaxVariants)
        {
            throw new DomainException("listing.too_many_variants", $"A listing has at most {MaxVariants} variants.");
        }

        if (drafts.Count > 0 && drafts.Any(d => !d.Options.HasSameNamesAs(drafts[0].Options)))
        {
            throw new DomainException("listing.variant_options_differ", "Every variant of a listing has the same option names.");
        }

        if (drafts.Select(d => d.Options.Label.ToUpperInvariant()).Distinct().Count() != drafts.Count)
        {
            throw new DomainException("listing.variant_repeated", "Two variants of a listing cannot have the same options.");
        }

        if (drafts.Where(d => d.Id is not null).Select(d => d.Id).Distinct().Count() != drafts.Count(d => d.Id is not null))
        {
            throw new DomainException("listing.variant_repeated", "A variant is named once.");
        }

        if (drafts.Sum(d => (long)d.Stock) > ListingContent.MaxStock)
        {
            throw new DomainException("listing.stock_invalid", "Stock runs from 0 to 1,000,000.");
        }
    }

    /// <summary>An admin reviewed the listing and found its category right; the next decision ignores the keyword rule.</summary>
    public void ClearMisclassification()
    {
        if (State != ListingState.PendingReview)
        {
            throw Forbidden("approve");
        }

        MisclassificationCleared = true;
    }

    /// <summary>
    /// An admin granted the seller's appeal against a rejection, a hold or a take-down by the rules: the next decision
    /// ignores the keyword rule. Listings an admin took down come back only through an admin.
    /// </summary>
    public void ClearMisclassificationOnAppeal()
    {
        if (State is not (ListingState.Rejected or ListingState.PendingReview) && !(State == ListingState.Suspended && SuspendedBy == SuspensionSource.Policy))
        {
            throw Forbidden("grant an appeal for");
        }

        MisclassificationCleared = true;
    }

    /// <summary>
    /// An admin took back their approval or rejection of a held listing: an approval's waiver of the keyword rule is
    /// withdrawn, and the next decision (the policy's, never this method) says where the listing goes.
    /// </summary>
    public void ReopenReview()
    {
        if (State is not (ListingState.Published or ListingState.PendingReview or ListingState.Rejected))
        {
            throw Forbidden("undo the review of");
        }

        MisclassificationCleared = false;
    }

    /// <summary>An admin refuses the listing waiting for review (<see cref="ListingTransitions.RejectedByAdmin"/>).</summary>
    public void RejectByAdmin(string note, DateTimeOffset at) => Apply(ListingTransitions.RejectedByAdmin(StateColumns, note, at));

    /// <summary>The seller puts the listing away (<see cref="ListingTransitions.Archived"/>).</summary>
    public void Archive(DateTimeOffset at) => Apply(ListingTransitions.Archived(StateColumns, at));

    /// <summary>The seller takes the listing back as a draft (<see cref="ListingTransitions.Restored"/>).</summary>
    public void Restore(DateTimeOffset at) => Apply(ListingTransitions.Restored(StateColumns, at));

    public void AddImage(string storedName, string contentType)
    {
        if (_images.Count >= MaxImages)
        {
            throw new DomainException("listing.too_many_images", $"A listing has at most {MaxImages} images.");
        }

        _images.Add(new ListingImage(storedName, contentType, _images.Count));
    }

    /// <summary>Removes a photo; a live or waiting listing keeps the photos <see cref="PublicationReadiness"/> asks for.</summary>
    public void RemoveImage(string storedName)
    {
        var left = _images.Count(i => i.StoredName != storedName);
        if (State is ListingState.Published or ListingState.PendingReview && left < _images.Count && !PublicationReadiness.IsReady(left))
        {
            throw new DomainException("listing.last_photo", "A live or waiting listing keeps at least one photo.");
        }

        _images.RemoveAll(i => i.StoredName == storedName);
    }

    private void Apply(ListingContent content)
    {
        CategoryId = content.CategoryId;
        Title = content.Title;
        Description = content.Description;
        Price = content.Price;
        Stock = content.Stock;
        Origin = content.Origin;
        TkdnPercent = content.TkdnPercent;
    }

    private void Apply(ListingStateColumns columns)
    {
        State = columns.State;
        SuspendedBy = columns.SuspendedBy;
        _reasonCodes = [.. columns.ReasonCodes];
        StateNote = columns.StateNote;
        StateChangedAt = columns.StateChangedAt;
        PublishedAt = columns.PublishedAt;
    }

    private void EnsureNot(ListingState state, string action)
    {
        if (State == state)
        {
            throw Forbidden(action);
        }
    }

    private DomainException Forbidden(string action) =>
        new("listing.transition_forbidden", $"Cannot {action} a listing that is {State}.");
}
