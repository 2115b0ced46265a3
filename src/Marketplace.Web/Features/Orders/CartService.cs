using System.Security.Claims;
using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

public enum CartLineState
{
    Available,

    /// <summary>Still for sale, but the cart asks for more than the stock.</summary>
    NotEnoughStock,

    SoldOut,

    /// <summary>Hidden from shoppers now (taken down, blocked by the policy, or its shop suspended); nothing about it is shown.</summary>
    Unavailable,
}

/// <summary>One cart line as the shopper sees it now. An unavailable line carries no title, price or seller.</summary>
/// <param name="VariantLabel">The variant chosen ("Ukuran: M"), whose price and stock the line shows; null for a listing without variants.</param>
public sealed record CartLine(long ListingId, long? VariantId, string? VariantLabel, int Quantity, CartLineState State, string? Title, Rupiah? Price, int Stock, SellerCard? Seller)
{
    /// <summary>One packed unit's weight and size, which the shipping quote of the seller's parcel adds up.</summary>
    public ParcelSize Parcel { get; init; } = ParcelSize.Assumed;

    public bool CanBeBought => State == CartLineState.Available;

    public Rupiah? LineTotal => Price is { } price ? price * Quantity : null;
}

public sealed record CartView(IReadOnlyList<CartLine> Lines)
{
    public static readonly CartView Empty = new([]);

    public IEnumerable<CartLine> Buyable => Lines.Where(l => l.CanBeBought);

    public Rupiah Subtotal => Rupiah.Sum(Buyable.Select(l => l.LineTotal ?? Rupiah.Zero));

    public int SellerCount => Buyable.Select(l => l.Seller!.Id).Distinct().Count();

    /// <summary>Something can be bought and no line asks for more than there is: the shopper fixes quantities first.</summary>
    public bool CanCheckOut => Buyable.Any() && Lines.All(l => l.State != CartLineState.NotEnoughStock);
}

public enum CartChangeOutcome
{
    Done,
    Unavailable,
    NotEnoughStock,

    /// <summary>The line would hold less than 1 or more than <see cref="Cart.MaxQuantityPerItem"/>.</summary>
    QuantityOutOfRange,

    /// <summary>The listing has variants and none of them was chosen.</summary>
    ChooseVariant,
}

/// <param name="Stock">The listing's stock when the change was refused for it.</param>
public sealed record CartChange(CartChangeOutcome Outcome, int Stock = 0, int InCart = 0)
{
    public static readonly CartChange Done = new(CartChangeOutcome.Done);

    public static readonly CartChange Unavailable = new(CartChangeOutcome.Unavailable);

    public static readonly CartChange QuantityOutOfRange = new(CartChangeOutcome.QuantityOutOfRange);

    public static readonly CartChange ChooseVariant = new(CartChangeOutcome.ChooseVariant);
}

/// <summary>
/// The shopper's cart: an anonymous visitor's behind <see cref="CartCookie"/>, a signed-in shopper's by account.
/// Every change re-checks the listing through the visibility predicate and its stock in the same transaction.
/// </summary>
public sealed class CartService(MarketplaceDbContext db, TimeProvider clock)
{
    private const int Attempts = 3;

    public static string? ShopperId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<CartView> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cartId = await FindCartIdAsync(context, cancellationToken);
        return cartId is { } id ? await ReadCartAsync(id, cancellationToken) : CartView.Empty;
    }

    public Task<CartChange> AddAsync(HttpContext context, long listingId, long? variantId, int quantity, CancellationToken cancellationToken) =>
        Cart.IsAllowedQuantity(quantity)
            ? ChangeAsync(context, listingId, variantId, quantity, CartWrite.Add, cancellationToken)
            : Task.FromResult(CartChange.QuantityOutOfRange);

    /// <summary>"Beli Sekarang": the line holds exactly this quantity, added when it was not in the cart.</summary>
    public Task<CartChange> PutAsync(HttpContext context, long listingId, long? variantId, int quantity, CancellationToken cancellationToken) =>
        Cart.IsAllowedQuantity(quantity)
            ? ChangeAsync(context, listingId, variantId, quantity, CartWrite.Put, cancellationToken)
            : Task.FromResult(CartChange.QuantityOutOfRange);

    /// <summary>Sets a line's quantity; zero removes it. An unavailable listing can only be removed.</summary>
    public Task<CartChange> SetQuantityAsync(HttpContext context, long listingId, long? variantId, int quantity, CancellationToken cancellationToken) =>
        quantity == 0 || Cart.IsAllowedQuantity(quantity)
            ? ChangeAsync(context, listingId, variantId, quantity, CartWrite.Set, cancellationToken)
            : Task.FromResult(CartChange.QuantityOutOfRange);

    public async Task RemoveAsync(HttpContext context, long listingId, long? variantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cart = await LoadCartAsync(context, cancellationToken);
        if (cart is not null)
        {
            cart.Remove(listingId, variantId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>At log-in or registration: the anonymous cart behind the cookie joins the account's cart, and the cookie goes.</summary>
    public async Task MergeAtLoginAsync(HttpContext context, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CartCookie.Read(context) is not { } anonymousId)
        {
            return;
        }

        CartCookie.Delete(context);
        var anonymous = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == anonymousId && c.OwnerUserId == null, cancellationToken);
        if (anonymous is null)
        {
            return;
        }

        var own = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.OwnerUserId == userId, cancellationToken);
        if (own is null)
        {
            anonymous.AssignTo(userId);
        }
        else
        {
            own.MergeFrom(anonymous, clock.GetUtcNow());
            db.Carts.Remove(anonymous);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<CartChange> ChangeAsync(HttpContext context, long listingId, long? variantId, int quantity, CartWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryChangeAsync(context, listingId, variantId, quantity, write, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A double-clicked button: the other request changed the same cart first; read it again and apply this one on top.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CartChange> TryChangeAsync(HttpContext context, long listingId, long? variantId, int quantity, CartWrite write, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cart = await LoadCartAsync(context, cancellationToken);
        var inCart = cart?.Items.FirstOrDefault(i => i.ListingId == listingId && i.VariantId == variantId)?.Quantity ?? 0;
        if (write == CartWrite.Set && quantity == 0)
        {
            cart?.Remove(listingId, variantId, now);
        }
        else
        {
            var offer = await db.VisibleListingsAt(now).Where(v => v.Listing.Id == listingId)
                .Select(v => new
                {
                    v.Listing.HasVariants,
                    v.Listing.Stock,
                    VariantStock = db.ListingVariants.Where(x => x.ListingId == listingId && x.Id == variantId).Select(x => (int?)x.Stock).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (offer is null || (variantId is not null && offer.VariantStock is null))
            {
                return CartChange.Unavailable;
            }

            if (offer.HasVariants && variantId is null)
            {
                return CartChange.ChooseVariant;
            }

            var stock = offer.VariantStock ?? offer.Stock;

            var wanted = write == CartWrite.Add ? (long)inCart + quantity : quantity;
            if (!Cart.IsAllowedQuantity(wanted))
            {
                return CartChange.QuantityOutOfRange;
            }

            if (wanted > stock)
            {
                return new CartChange(CartChangeOutcome.NotEnoughStock, stock, inCart);
            }

            cart ??= NewCart(context, now);
            switch (write)
            {
                case CartWrite.Add:
                    cart.Add(listingId, variantId, quantity, now);
                    break;
                case CartWrite.Put:
                    cart.Put(listingId, variantId, quantity, now);
                    break;
                default:
                    cart.SetQuantity(listingId, variantId, quantity, now);
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CartChange.Done;
    }

    private Cart NewCart(HttpContext context, DateTimeOffset now)
    {
        var userId = ShopperId(context.User);
        var cart = new Cart(Guid.NewGuid(), userId, now);
        db.Carts.Add(cart);
        if (userId is null)
        {
            CartCookie.Write(context, cart.Id, now);
        }

        return cart;
    }

    private Task<Cart?> LoadCartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var carts = db.Carts.Include(c => c.Items);
        if (ShopperId(context.User) is { } userId)
        {
            return carts.FirstOrDefaultAsync(c => c.OwnerUserId == userId, cancellationToken);
        }

        return CartCookie.Read(context) is { } cartId
            ? carts.FirstOrDefaultAsync(c => c.Id == cartId && c.OwnerUserId == null, cancellationToken)
            : Task.FromResult<Cart?>(null);
    }

    private async Task<Guid?> FindCartIdAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (ShopperId(context.User) is { } userId)
        {
            return await db.Carts.Where(c => c.OwnerUserId == userId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return CartCookie.Read(context);
    }

    private async Task<CartView> ReadCartAsync(Guid cartId, CancellationToken cancellationToken)
    {
        var items = await db.CartItems.AsNoTracking()
            .Where(i => i.CartId == cartId)
            .OrderBy(i => i.Id)
            .Select(i => new { i.ListingId, i.VariantId, i.Quantity })
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return CartView.Empty;
        }

        var ids = items.Select(i => i.ListingId).ToList();
        var now = clock.GetUtcNow();
        var offers = await db.VisibleListingsAt(now)
            .Where(v => ids.Contains(v.Listing.Id))
            .Select(v => new
            {
                v.Listing.Id,
                v.Listing.Title,
                v.Listing.Price,
                v.Listing.Stock,
                v.Listing.HasVariants,
                v.Listing.WeightGrams,
                v.Listing.LengthCm,
                v.Listing.WidthCm,
                v.Listing.HeightCm,
                Seller = new SellerCard(v.Seller.Id, v.Seller.StoreName, v.Seller.Slug, v.Seller.City, v.Seller.Province, PlacedListings.IsShopAbroad(v.Seller.Origin), v.Seller.CountryCode),
            })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var variants = await VisibleVariants.OfferedAsync(db, now, items.Select(i => i.VariantId), cancellationToken);

        return new CartView(items.Select(item =>
        {
            var variant = item.VariantId is { } variantId ? variants.GetValueOrDefault(variantId) : null;
            if (!offers.TryGetValue(item.ListingId, out var offer) || (item.VariantId is null ? offer.HasVariants : variant?.ListingId != item.ListingId))
            {
                return new CartLine(item.ListingId, item.VariantId, null, item.Quantity, CartLineState.Unavailable, null, null, 0, null);
            }

            var (price, stock) = variant is null ? (offer.Price, offer.Stock) : (variant.Price, variant.Stock);
            var state = stock == 0 ? CartLineState.SoldOut
                : item.Quantity > stock ? CartLineState.NotEnoughStock
                : CartLineState.Available;
            return new CartLine(item.ListingId, item.VariantId, variant?.Label, item.Quantity, state, offer.Title, price, stock, offer.Seller)
            {
                Parcel = new ParcelSize(offer.WeightGrams, offer.LengthCm, offer.WidthCm, offer.HeightCm),
            };
        }).ToList());
    }
}

/// <summary>How a change writes the line: adds to it, sets it (zero removes it), or puts it in at exactly this quantity.</summary>
internal enum CartWrite
{
    Add,
    Set,
    Put,
}
