using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Orders;

/// <summary>The cart as it would be ordered: one part per seller, each with its shipping fee, and the lines that cannot be bought.</summary>
public sealed record CheckoutSummary(IReadOnlyList<CheckoutPart> Parts, IReadOnlyList<CartLine> Excluded, bool CanPlace)
{
    /// <summary>What the shopper is shown as being bought, posted back with the order so that placing it buys exactly that.</summary>
    public string Expected => CheckoutService.Fingerprint(Parts.SelectMany(p => p.Lines).Select(l => (l.ListingId, l.Quantity, l.Price!.Value)));

    public Rupiah Subtotal => Rupiah.Sum(Parts.Select(p => p.Subtotal));

    public Rupiah ShippingTotal => Rupiah.Sum(Parts.Select(p => p.ShippingFee));

    public Rupiah Total => Subtotal + ShippingTotal;
}

public sealed record CheckoutPart(SellerCard Seller, IReadOnlyList<CartLine> Lines, Rupiah ShippingFee)
{
    public Rupiah Subtotal => Rupiah.Sum(Lines.Select(l => l.LineTotal ?? Rupiah.Zero));
}

public enum PlaceOrderFailure
{
    EmptyCart,
    NothingAvailable,
    NotEnoughStock,

    /// <summary>The cart changed since the shopper read the summary, for instance in another tab.</summary>
    CartChanged,
}

public sealed record PlaceOrderResult(string? OrderNumber, PlaceOrderFailure? Failure, IReadOnlyList<string> Titles)
{
    public bool Succeeded => OrderNumber is not null;

    public static PlaceOrderResult Placed(string number) => new(number, null, []);

    public static PlaceOrderResult Refused(PlaceOrderFailure failure, IReadOnlyList<string>? titles = null) => new(null, failure, titles ?? []);
}

/// <summary>
/// Places a signed-in shopper's cart as one order. Stock is taken with one conditional UPDATE per listing, which also re-checks
/// visibility, inside the transaction that inserts the order: of two shoppers buying the last unit, the second UPDATE waits for
/// the first to commit, then finds no stock and changes nothing.
/// </summary>
public sealed class CheckoutService(
    MarketplaceDbContext db, CartService carts, OrderEmails emails, TimeProvider clock, IOptions<CheckoutOptions> options, IPaymentProvider payments, IOptions<PaymentOptions> paymentOptions)
{
    public Rupiah ShippingFeePerSeller => new(options.Value.ShippingFeePerSeller);

    /// <param name="only">"Beli Sekarang": the one listing to buy now, leaving the rest of the cart for later.</param>
    public async Task<CheckoutSummary> SummarizeAsync(HttpContext context, long? only, CancellationToken cancellationToken)
    {
        var cart = await carts.ReadAsync(context, cancellationToken);
        if (only is { } listingId)
        {
            cart = new CartView(cart.Lines.Where(l => l.ListingId == listingId).ToList());
        }

        var parts = cart.Buyable
            .GroupBy(l => l.Seller!.Id)
            .Select(g => new CheckoutPart(g.First().Seller!, g.ToList(), ShippingFeePerSeller))
            .ToList();
        return new CheckoutSummary(parts, cart.Lines.Where(l => !l.CanBeBought).ToList(), cart.CanCheckOut);
    }

    /// <summary>Listing, quantity and unit price of each line: a change in any of them means the shopper confirmed something else.</summary>
    public static string Fingerprint(IEnumerable<(long ListingId, int Quantity, Rupiah Price)> lines) =>
        string.Join(',', lines.OrderBy(l => l.ListingId).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.ListingId}x{l.Quantity}@{l.Price.Amount}")));

    /// <param name="expected">The <see cref="CheckoutSummary.Expected"/> the shopper confirmed.</param>
    /// <param name="only">The one listing bought now, when the shopper came through "Beli Sekarang"; the rest of the cart stays.</param>
    public async Task<PlaceOrderResult> PlaceAsync(
        string userId, ShippingAddress address, PaymentMethod paymentMethod, string expected, long? only, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One checkout at a time per shopper: a second click on "place order" waits here, then finds the bought lines gone.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM carts WHERE owner_user_id = {userId} FOR UPDATE", cancellationToken);
        var cart = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.OwnerUserId == userId, cancellationToken);
        var items = cart?.Items.Where(i => only is null || i.ListingId == only).ToList() ?? [];
        if (cart is null || items.Count == 0)
        {
            return PlaceOrderResult.Refused(PlaceOrderFailure.EmptyCart);
        }

        var ids = items.Select(i => i.ListingId).ToList();

        // Ordered against the listing policy like a publication: a block of one of these clusters either waits for this
        // order, or commits first and this order, reading the clock and the listings after the lock, no longer sees them.
        var clusters = await (from l in db.Listings
                              join c in db.Categories on l.CategoryId equals c.Id
                              where ids.Contains(l.Id) && c.ClusterId != null
                              select c.ClusterId!.Value).Distinct().ToListAsync(cancellationToken);
        await PolicyLocks.ShareClustersAsync(db, clusters, cancellationToken);

        var now = clock.GetUtcNow();
        var offers = await db.VisibleListingsAt(now)
            .Where(v => ids.Contains(v.Listing.Id))
            .Select(v => new { v.Listing.Id, v.Listing.SellerId, v.Listing.Title, v.Listing.Price, v.Listing.Stock })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var buying = items
            .Where(i => offers.TryGetValue(i.ListingId, out var offer) && offer.Stock > 0)
            .Select(i => (Item: i, Offer: offers[i.ListingId]))
            .OrderBy(b => b.Item.ListingId)
            .ToList();
        if (Fingerprint(buying.Select(b => (b.Item.ListingId, b.Item.Quantity, b.Offer.Price))) != expected)
        {
            // Typically another shopper bought the last units after this one read the summary: name what ran out rather than
            // quietly placing a smaller order than the one confirmed. A changed price or cart is shown again for review.
            var confirmed = expected.Split(',').ToHashSet(StringComparer.Ordinal);
            var soldOut = items
                .Where(i => offers.TryGetValue(i.ListingId, out var offer) && offer.Stock == 0 && confirmed.Contains(Fingerprint([(i.ListingId, i.Quantity, offer.Price)])))
                .Select(i => offers[i.ListingId].Title)
                .ToList();
            return soldOut.Count > 0 ? PlaceOrderResult.Refused(PlaceOrderFailure.NotEnoughStock, soldOut) : PlaceOrderResult.Refused(PlaceOrderFailure.CartChanged);
        }

        if (buying.Count == 0)
        {
            return PlaceOrderResult.Refused(PlaceOrderFailure.NothingAvailable);
        }

        var shortOfStock = buying.Where(b => b.Item.Quantity > b.Offer.Stock).Select(b => b.Offer.Title).ToList();
        if (shortOfStock.Count > 0)
        {
            return PlaceOrderResult.Refused(PlaceOrderFailure.NotEnoughStock, shortOfStock);
        }

        // In listing id order, so two carts with the same listings lock them in the same order and cannot deadlock.
        foreach (var (item, offer) in buying)
        {
            var listingId = item.ListingId;
            var quantity = item.Quantity;
            var taken = await db.Listings
                .Where(l => l.Id == listingId && l.Stock >= quantity && db.VisibleListingsAt(now).Any(v => v.Listing.Id == listingId))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, l => l.Stock - quantity), cancellationToken);
            if (taken == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return PlaceOrderResult.Refused(PlaceOrderFailure.NotEnoughStock, [offer.Title]);
            }
        }

        var number = OrderNumber.Create(now, RandomNumberGenerator.GetString(OrderNumber.Alphabet, OrderNumber.SuffixLength));
        var order = new Order(number, userId, address, paymentMethod, ShippingFeePerSeller, now);
        foreach (var (item, offer) in buying.OrderBy(b => b.Offer.SellerId).ThenBy(b => b.Offer.Title, StringComparer.Ordinal))
        {
            order.AddLine(item.ListingId, offer.SellerId, offer.Title, offer.Price, item.Quantity);
            cart.Remove(item.ListingId, now);
        }

        if (paymentMethod == PaymentMethod.BankTransfer)
        {
            var payBy = now.AddHours(paymentOptions.Value.HoursToPay);
            order.AwaitTransferInto(await payments.OpenVirtualAccountAsync(number, order.Total, payBy, cancellationToken));
        }

        db.Orders.Add(order);
        await emails.QueueAsync(order, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SoldCounts.CountAsync(db, order, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PlaceOrderResult.Placed(number);
    }
}
