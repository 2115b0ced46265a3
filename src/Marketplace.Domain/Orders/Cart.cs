namespace Marketplace.Domain.Orders;

/// <summary>A shopper's cart: anonymous behind a cookie until login, then owned by the account.</summary>
public sealed class Cart
{
    public const int MaxQuantityPerItem = 999;

    /// <summary>A quantity a shopper may ask for in one line: 1 to <see cref="MaxQuantityPerItem"/>.</summary>
    public static bool IsAllowedQuantity(long quantity) => quantity is >= 1 and <= MaxQuantityPerItem;

    private readonly List<CartItem> _items = [];

    private Cart()
    {
    }

    public Cart(Guid id, string? ownerUserId, DateTimeOffset at)
    {
        Id = id;
        OwnerUserId = ownerUserId;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }

    /// <summary>Null while the cart belongs to an anonymous visitor.</summary>
    public string? OwnerUserId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<CartItem> Items => _items.AsReadOnly();

    /// <summary>Adds 1 to <see cref="MaxQuantityPerItem"/> to a line, which stops at <see cref="MaxQuantityPerItem"/>.</summary>
    /// <param name="variantId">The listing's variant (a size, a colour) when it has variants; each variant is its own line.</param>
    public void Add(long listingId, long? variantId, int quantity, DateTimeOffset at)
    {
        if (!IsAllowedQuantity(quantity))
        {
            throw new DomainException("cart.quantity_invalid", $"Quantity must be 1 to {MaxQuantityPerItem}.");
        }

        var item = Find(listingId, variantId);
        if (item is null)
        {
            _items.Add(new CartItem(listingId, variantId, quantity));
        }
        else
        {
            item.SetQuantity(Math.Min(item.Quantity + quantity, MaxQuantityPerItem));
        }

        UpdatedAt = at;
    }

    public void SetQuantity(long listingId, long? variantId, int quantity, DateTimeOffset at)
    {
        var item = Find(listingId, variantId);
        if (item is null)
        {
            return;
        }

        if (quantity <= 0)
        {
            _items.Remove(item);
        }
        else
        {
            item.SetQuantity(Math.Min(quantity, MaxQuantityPerItem));
        }

        UpdatedAt = at;
    }

    /// <summary>"Beli Sekarang": the line holds exactly <paramref name="quantity"/>, added when it was not in the cart.</summary>
    public void Put(long listingId, long? variantId, int quantity, DateTimeOffset at)
    {
        if (Find(listingId, variantId) is not null)
        {
            SetQuantity(listingId, variantId, quantity, at);
        }
        else
        {
            Add(listingId, variantId, quantity, at);
        }
    }

    public void Remove(long listingId, long? variantId, DateTimeOffset at) => SetQuantity(listingId, variantId, 0, at);

    public void Clear(DateTimeOffset at)
    {
        _items.Clear();
        UpdatedAt = at;
    }

    /// <summary>Takes over an anonymous cart at login; quantities of the same listing and variant add up.</summary>
    public void MergeFrom(Cart anonymous, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        foreach (var item in anonymous.Items)
        {
            Add(item.ListingId, item.VariantId, item.Quantity, at);
        }

        anonymous.Clear(at);
    }

    public void AssignTo(string userId) => OwnerUserId ??= userId;

    private CartItem? Find(long listingId, long? variantId) => _items.Find(i => i.ListingId == listingId && i.VariantId == variantId);
}
