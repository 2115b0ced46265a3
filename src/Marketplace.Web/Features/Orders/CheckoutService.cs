using System.Globalization;
using System.Security.Cryptography;
using Marketplace.Domain;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Domain.Shipping;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Orders;

/// <summary>
/// The cart as it would be ordered to <see cref="ShipTo"/>: one part per seller, each with its courier quotes and the chosen
/// one, and the lines that cannot be bought.
/// </summary>
public sealed record CheckoutSummary(IReadOnlyList<CheckoutPart> Parts, IReadOnlyList<CartLine> Excluded, bool CanCheckOut, string? ShipTo = null)
{
    /// <summary>What the shopper is shown as being bought, posted back with the order so that placing it buys exactly that.</summary>
    public string Expected => CheckoutService.Fingerprint(Parts.SelectMany(p => p.Lines).Select(l => (new CartLineKey(l.ListingId, l.VariantId), l.Quantity, l.Price!.Value)));

    /// <summary>The services and fees the shopper is shown as chosen, posted back so that placing the order charges exactly those.</summary>
    public string ShippingExpected => CheckoutService.ShippingFingerprint(Parts.Where(p => p.Chosen is not null).Select(p => (p.Seller.Id, p.Chosen!.Service.Code, p.Chosen.Price)));

    /// <summary>Every part has a courier service to ship by: the destination is known and served.</summary>
    public bool CanPlace => CanCheckOut && Parts.Count > 0 && Parts.All(p => p.Chosen is not null);

    public Rupiah Subtotal => Rupiah.Sum(Parts.Select(p => p.Subtotal));

    public Rupiah ShippingTotal => Rupiah.Sum(Parts.Select(p => p.ShippingFee));

    public Rupiah Total => Subtotal + ShippingTotal;
}

/// <param name="Quotes">Every service's quote for this seller's parcel to the destination, cheapest first; empty while it is unknown.</param>
/// <param name="Chosen">The service the shopper picked, or the cheapest until they pick one; null without quotes.</param>
public sealed record CheckoutPart(SellerCard Seller, IReadOnlyList<CartLine> Lines, IReadOnlyList<CourierQuote> Quotes, CourierQuote? Chosen)
{
    public Rupiah Subtotal => Rupiah.Sum(Lines.Select(l => l.LineTotal ?? Rupiah.Zero));

    public Rupiah ShippingFee => Chosen?.Price ?? Rupiah.Zero;
}

/// <summary>The cart with the cheapest courier quote of each seller's parcel to <see cref="ShipTo"/>, as the cart page estimates it.</summary>
public sealed record CartEstimate(CartView Cart, string? ShipTo, IReadOnlyDictionary<int, CourierQuote> Cheapest)
{
    public Rupiah ShippingTotal => Rupiah.Sum(Cheapest.Values.Select(q => q.Price));
}

/// <summary>What a shopper starts checkout with: the default address of their address book, if any, and the parts to order.</summary>
public sealed record CheckoutStart(ShippingAddress? SavedAddress, CheckoutSummary Summary);

/// <summary>The service chosen for each seller's part (seller id to service code) and the fees the shopper saw.</summary>
public sealed record CourierChoice(IReadOnlyDictionary<int, string> Services, string Expected)
{
    public static readonly CourierChoice None = new(new Dictionary<int, string>(), string.Empty);
}

public enum PlaceOrderFailure
{
    EmptyCart,
    NothingAvailable,

    /// <summary>Lines the shopper confirmed cannot be bought as confirmed; <see cref="PlaceOrderResult.Lines"/> names each.</summary>
    ItemsRefused,

    /// <summary>The cart changed since the shopper read the summary, for instance in another tab.</summary>
    CartChanged,

    /// <summary>A part has no courier service chosen, or the chosen one does not serve the address.</summary>
    ChooseCourier,

    /// <summary>The shipping of a part costs something else than the shopper saw (the address or the parcel changed).</summary>
    ShippingChanged,
}

/// <summary>Why a line the shopper confirmed cannot be ordered as confirmed.</summary>
public enum RefusalReason
{
    SoldOut,
    NotEnoughStock,
    PriceChanged,

    /// <summary>Cross-border sales of the listing's cluster are closed (or the shop's local origin is not verified yet).</summary>
    ClosedToCrossBorder,
    ShopInactive,
    NoLongerSold,
}

/// <summary>A cart line's key: the listing, and the variant chosen when the listing has variants.</summary>
public readonly record struct CartLineKey(long ListingId, long? VariantId);

/// <summary>A refused line with what its reason needs to be told: the stock left, the new price or the closed cluster.</summary>
/// <param name="Title">The listing's title, with the variant's name when one was chosen, so the shopper knows which item it is.</param>
public sealed record RefusedLine(string Title, RefusalReason Reason, int Stock = 0, Rupiah? Price = null, Cluster? Cluster = null);

public sealed record PlaceOrderResult(string? OrderNumber, PlaceOrderFailure? Failure, IReadOnlyList<RefusedLine> Lines)
{
    public bool Succeeded => OrderNumber is not null;

    public static PlaceOrderResult Placed(string number) => new(number, null, []);

    public static PlaceOrderResult Refused(PlaceOrderFailure failure) => new(null, failure, []);

    public static PlaceOrderResult Refused(IReadOnlyList<RefusedLine> lines) => new(null, PlaceOrderFailure.ItemsRefused, lines);
}

/// <summary>
/// Places a signed-in shopper's cart as one order. Stock is taken with one conditional UPDATE per listing, which also re-checks
/// visibility, inside the transaction that inserts the order: of two shoppers buying the last unit, the second UPDATE waits for
/// the first to commit, then finds no stock and changes nothing.
/// </summary>
public sealed class CheckoutService(
    MarketplaceDbContext db, CartService carts, ShippingQuotes quotes, ShopperProvince provinces, AddressBook addresses, OrderNotifications notifications, TimeProvider clock,
    IPaymentProvider payments, IOptions<PaymentOptions> paymentOptions)
{
    /// <summary>Checkout as it opens: the default saved address fills the form, or else the province the shopper last chose.</summary>
    public async Task<CheckoutStart> StartAsync(HttpContext context, CartLineKey? only, string? province, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var saved = CartService.ShopperId(context.User) is { } userId ? await addresses.DefaultAsync(userId, cancellationToken) : null;
        var shipTo = IndonesianProvinces.Find(province) is not null || saved is null
            ? await provinces.ResolveAsync(context, province, cancellationToken)
            : saved.Province;
        return new CheckoutStart(saved, await SummarizeAsync(context, only, shipTo, null, cancellationToken));
    }

    /// <param name="only">"Beli Sekarang": the one line to buy now, leaving the rest of the cart for later.</param>
    /// <param name="shipTo">The destination province; without one, parts have no quotes yet.</param>
    /// <param name="services">The service picked per seller; a part without a valid pick gets the cheapest.</param>
    public async Task<CheckoutSummary> SummarizeAsync(HttpContext context, CartLineKey? only, string? shipTo, IReadOnlyDictionary<int, string>? services, CancellationToken cancellationToken)
    {
        var cart = await carts.ReadAsync(context, cancellationToken);
        if (only is { } key)
        {
            cart = new CartView(cart.Lines.Where(l => new CartLineKey(l.ListingId, l.VariantId) == key).ToList());
        }

        var destination = IndonesianProvinces.Find(shipTo);
        var parts = cart.Buyable
            .GroupBy(l => l.Seller!.Id)
            .Select(g =>
            {
                var seller = g.First().Seller!;
                var offered = quotes.For(seller.Province, destination, g.Select(l => (l.Parcel, l.Quantity)));
                var picked = services?.GetValueOrDefault(seller.Id);
                return new CheckoutPart(seller, g.ToList(), offered, offered.FirstOrDefault(q => q.Service.Code == picked) ?? (offered.Count > 0 ? offered[0] : null));
            })
            .ToList();
        return new CheckoutSummary(parts, cart.Lines.Where(l => !l.CanBeBought).ToList(), cart.CanCheckOut, destination);
    }

    /// <summary>The cart page: each seller's cheapest quote to the province picked there, or remembered.</summary>
    public async Task<CartEstimate> EstimateAsync(HttpContext context, string? province, CancellationToken cancellationToken)
    {
        var cart = await carts.ReadAsync(context, cancellationToken);
        var shipTo = await provinces.ResolveAsync(context, province, cancellationToken);
        var cheapest = new Dictionary<int, CourierQuote>();
        foreach (var group in cart.Buyable.GroupBy(l => l.Seller!))
        {
            if (quotes.For(group.Key.Province, shipTo, group.Select(l => (l.Parcel, l.Quantity))) is [var quote, ..])
            {
                cheapest[group.Key.Id] = quote;
            }
        }

        return new CartEstimate(cart, shipTo, cheapest);
    }

    /// <summary>Seller, service and fee of each part: a change in any of them means the shopper confirmed another shipping.</summary>
    public static string ShippingFingerprint(IEnumerable<(int SellerId, string ServiceCode, Rupiah Fee)> parts) =>
        string.Join(',', parts.OrderBy(p => p.SellerId)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.SellerId}:{p.ServiceCode}@{p.Fee.Amount}")));

    /// <summary>Listing, variant, quantity and unit price of each line: a change in any of them means the shopper confirmed something else.</summary>
    public static string Fingerprint(IEnumerable<(CartLineKey Key, int Quantity, Rupiah Price)> lines) =>
        string.Join(',', lines.OrderBy(l => l.Key.ListingId).ThenBy(l => l.Key.VariantId)
            .Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Key.ListingId}.{l.Key.VariantId ?? 0}x{l.Quantity}@{l.Price.Amount}")));

    /// <param name="expected">The <see cref="CheckoutSummary.Expected"/> the shopper confirmed.</param>
    /// <param name="only">The one line bought now, when the shopper came through "Beli Sekarang"; the rest of the cart stays.</param>
    /// <param name="courier">The service chosen for each seller's part and the fees shown; each is quoted again here and only that quote is charged.</param>
    /// <param name="saveAddress">Keep the address as the shopper's default in the address book.</param>
    public async Task<PlaceOrderResult> PlaceAsync(
        string userId, ShippingAddress address, PaymentMethod paymentMethod, string expected, CourierChoice courier, CartLineKey? only, bool saveAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(courier);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // One checkout at a time per shopper: a second click on "place order" waits here, then finds the bought lines gone.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM carts WHERE owner_user_id = {userId} FOR UPDATE", cancellationToken);
        var cart = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.OwnerUserId == userId, cancellationToken);
        var items = cart?.Items.Where(i => only is null || new CartLineKey(i.ListingId, i.VariantId) == only).ToList() ?? [];
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
        var listings = await db.VisibleListingsAt(now)
            .Where(v => ids.Contains(v.Listing.Id))
            .Select(v => new
            {
                v.Listing.Id,
                v.Listing.SellerId,
                v.Listing.Title,
                v.Listing.Price,
                v.Listing.Stock,
                v.Listing.HasVariants,
                SellerProvince = v.Seller.Province,
                v.Listing.WeightGrams,
                v.Listing.LengthCm,
                v.Listing.WidthCm,
                v.Listing.HeightCm,
            })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var variants = await VisibleVariants.OfferedAsync(db, now, items.Select(i => i.VariantId), cancellationToken);

        // What each line offers now: its variant's price and stock when it has one; a listing with variants is not bought without one.
        var offers = new Dictionary<CartLineKey, Offer>();
        foreach (var item in items)
        {
            var key = new CartLineKey(item.ListingId, item.VariantId);
            if (!listings.TryGetValue(item.ListingId, out var listing))
            {
                continue;
            }

            if (item.VariantId is null && !listing.HasVariants)
            {
                offers[key] = new Offer(listing.SellerId, listing.Title, null, listing.Price, listing.Stock);
            }
            else if (item.VariantId is { } variantId && variants.TryGetValue(variantId, out var variant) && variant.ListingId == item.ListingId)
            {
                offers[key] = new Offer(listing.SellerId, listing.Title, variant.Label, variant.Price, variant.Stock);
            }
        }

        var buying = items
            .Select(i => (Item: i, Key: new CartLineKey(i.ListingId, i.VariantId)))
            .Where(b => offers.TryGetValue(b.Key, out var offer) && offer.Stock > 0)
            .Select(b => (b.Item, Offer: offers[b.Key]))
            .OrderBy(b => b.Item.ListingId).ThenBy(b => b.Item.VariantId)
            .ToList();
        if (Fingerprint(buying.Select(b => (new CartLineKey(b.Item.ListingId, b.Item.VariantId), b.Item.Quantity, b.Offer.Price))) != expected)
        {
            // Typically another shopper bought the last units, or a closure took an item off sale, after this one read the
            // summary: name each confirmed line that changed and why, rather than quietly placing a different order.
            var refused = await RefusedLinesAsync(items, offers, listings.ToDictionary(l => l.Key, l => l.Value.Title), expected, cancellationToken);
            return refused.Count > 0 ? PlaceOrderResult.Refused(refused) : PlaceOrderResult.Refused(PlaceOrderFailure.CartChanged);
        }

        if (buying.Count == 0)
        {
            return PlaceOrderResult.Refused(PlaceOrderFailure.NothingAvailable);
        }

        // The fees are priced again from the rates, never taken from the form; the form only names the service per seller.
        var shipping = new List<OrderShipping>();
        foreach (var part in buying.GroupBy(b => b.Offer.SellerId))
        {
            var listing = listings[part.First().Item.ListingId];
            var offered = quotes.For(listing.SellerProvince, address.Province, part.Select(b =>
            {
                var l = listings[b.Item.ListingId];
                return (new ParcelSize(l.WeightGrams, l.LengthCm, l.WidthCm, l.HeightCm), b.Item.Quantity);
            }));
            var chosen = offered.FirstOrDefault(q => q.Service.Code == courier.Services.GetValueOrDefault(part.Key));
            if (chosen is null)
            {
                return PlaceOrderResult.Refused(PlaceOrderFailure.ChooseCourier);
            }

            shipping.Add(OrderShipping.From(part.Key, chosen));
        }

        if (ShippingFingerprint(shipping.Select(s => (s.SellerId, s.ServiceCode, s.Fee))) != courier.Expected)
        {
            return PlaceOrderResult.Refused(PlaceOrderFailure.ShippingChanged);
        }

        var shortOfStock = buying.Where(b => b.Item.Quantity > b.Offer.Stock)
            .Select(b => new RefusedLine(b.Offer.Name, RefusalReason.NotEnoughStock, b.Offer.Stock))
            .ToList();
        if (shortOfStock.Count > 0)
        {
            return PlaceOrderResult.Refused(shortOfStock);
        }

        // In listing id order, so two carts with the same listings lock them in the same order and cannot deadlock. A
        // variant is taken after its listing's row is locked, as restocking does, and the listing's total moves with it.
        foreach (var (item, offer) in buying)
        {
            var listingId = item.ListingId;
            var variantId = item.VariantId;
            var quantity = item.Quantity;
            var taken = await db.Listings
                .Where(l => l.Id == listingId && l.Stock >= quantity && db.VisibleListingsAt(now).Any(v => v.Listing.Id == listingId))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Stock, l => l.Stock - quantity), cancellationToken);
            if (taken > 0 && variantId is not null)
            {
                taken = await db.ListingVariants
                    .Where(v => v.Id == variantId && v.ListingId == listingId && v.Stock >= quantity)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Stock, v => v.Stock - quantity), cancellationToken);
            }

            if (taken == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return PlaceOrderResult.Refused([new RefusedLine(offer.Name, RefusalReason.SoldOut)]);
            }
        }

        var number = OrderNumber.Create(now, RandomNumberGenerator.GetString(OrderNumber.Alphabet, OrderNumber.SuffixLength));
        var order = new Order(number, userId, address, paymentMethod, Rupiah.Zero, now);
        foreach (var (item, offer) in buying.OrderBy(b => b.Offer.SellerId).ThenBy(b => b.Offer.Title, StringComparer.Ordinal).ThenBy(b => b.Item.VariantId))
        {
            order.AddLine(item.ListingId, offer.SellerId, offer.Title, offer.Price, item.Quantity, item.VariantId, offer.VariantLabel);
            cart.Remove(item.ListingId, item.VariantId, now);
        }

        foreach (var part in shipping)
        {
            order.ShipWith(part);
        }

        if (paymentMethod == PaymentMethod.BankTransfer)
        {
            var payBy = now.AddHours(paymentOptions.Value.HoursToPay);
            order.AwaitTransferInto(await payments.OpenVirtualAccountAsync(number, order.Total, payBy, cancellationToken));
        }

        db.Orders.Add(order);
        if (saveAddress)
        {
            await addresses.SaveDefaultAsync(userId, address, now, cancellationToken);
        }

        await notifications.PlacedAsync(order, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await SoldCounts.CountAsync(db, order, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PlaceOrderResult.Placed(number);
    }

    /// <summary>
    /// Each line of the confirmed summary that can no longer be bought as confirmed, with the reason. A line not visible any
    /// more is explained by elimination over the visibility predicate: a published listing of an active shop that the
    /// predicate hides is hidden by a closure of its cluster.
    /// </summary>
    private async Task<IReadOnlyList<RefusedLine>> RefusedLinesAsync(
        IEnumerable<CartItem> items, Dictionary<CartLineKey, Offer> offers, Dictionary<long, string> visible, string expected, CancellationToken cancellationToken)
    {
        var confirmed = expected.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(ConfirmedLine.Parse)
            .OfType<ConfirmedLine>()
            .DistinctBy(c => c.Key)
            .ToDictionary(c => c.Key);
        var gone = confirmed.Keys.Where(key => !offers.ContainsKey(key) && !visible.ContainsKey(key.ListingId)).Select(key => key.ListingId).Distinct().ToList();
        var hidden = await (from l in db.Listings
                            join s in db.Sellers on l.SellerId equals s.Id
                            join c in db.Categories on l.CategoryId equals c.Id
                            where gone.Contains(l.Id)
                            select new
                            {
                                l.Id,
                                l.Title,
                                l.State,
                                Codes = l.ReasonCodes,
                                Active = s.Status == SellerStatus.Active,
                                Cluster = db.Clusters.FirstOrDefault(k => k.Id == c.ClusterId),
                            }).ToDictionaryAsync(h => h.Id, cancellationToken);

        var refused = new List<RefusedLine>();
        foreach (var item in items.Where(i => confirmed.ContainsKey(new CartLineKey(i.ListingId, i.VariantId))).OrderBy(i => i.ListingId).ThenBy(i => i.VariantId))
        {
            var key = new CartLineKey(item.ListingId, item.VariantId);
            var line = confirmed[key];
            if (offers.TryGetValue(key, out var offer))
            {
                if (offer.Stock == 0)
                {
                    refused.Add(new RefusedLine(offer.Name, RefusalReason.SoldOut));
                }
                else if (offer.Price != line.Price)
                {
                    refused.Add(new RefusedLine(offer.Name, RefusalReason.PriceChanged, Price: offer.Price));
                }
                else if (item.Quantity > offer.Stock)
                {
                    refused.Add(new RefusedLine(offer.Name, RefusalReason.NotEnoughStock, offer.Stock));
                }
            }
            else if (visible.TryGetValue(item.ListingId, out var title))
            {
                // The listing is still for sale, the variant is not: the seller removed it.
                refused.Add(new RefusedLine(title, RefusalReason.NoLongerSold));
            }
            else if (hidden.TryGetValue(item.ListingId, out var listing))
            {
                var closed = listing.Codes.Contains(ReasonCodes.ClusterBlocked) || listing.Codes.Contains(ReasonCodes.UnverifiedLocalOrigin)
                    || (listing.State == ListingState.Published && listing.Active);
                refused.Add(!listing.Active ? new RefusedLine(listing.Title, RefusalReason.ShopInactive)
                    : closed && listing.Cluster is not null ? new RefusedLine(listing.Title, RefusalReason.ClosedToCrossBorder, Cluster: listing.Cluster)
                    : new RefusedLine(listing.Title, RefusalReason.NoLongerSold));
            }
        }

        return refused;
    }

    /// <summary>What a line offers now; <see cref="Name"/> is how a refusal names it.</summary>
    private sealed record Offer(int SellerId, string Title, string? VariantLabel, Rupiah Price, int Stock)
    {
        public string Name => VariantLabel is null ? Title : $"{Title} ({VariantLabel})";
    }

    /// <summary>One line of <see cref="Fingerprint"/> read back; the form posts it, so anything malformed is ignored.</summary>
    private sealed record ConfirmedLine(CartLineKey Key, int Quantity, Rupiah Price)
    {
        public static ConfirmedLine? Parse(string text)
        {
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            var times = text.IndexOf('x', StringComparison.Ordinal);
            var at = text.IndexOf('@', StringComparison.Ordinal);
            return dot > 0 && times > dot
                && long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && long.TryParse(text.AsSpan(dot + 1, times - dot - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var variantId)
                && int.TryParse(text.AsSpan(times + 1, Math.Max(at - times - 1, 0)), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
                && long.TryParse(text.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                ? new ConfirmedLine(new CartLineKey(id, variantId == 0 ? null : variantId), quantity, new Rupiah(amount))
                : null;
        }
    }
}
