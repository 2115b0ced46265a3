using Marketplace.Domain.Listings;
using Marketplace.Domain.Orders;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Payments;
using Marketplace.Web.Features.Shipping;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Features.Orders;

/// <summary>An order as a card in the history: its stage, what was bought, and what it cost.</summary>
public sealed record OrderCard(Order Order, ShopperStage Stage, IReadOnlyDictionary<long, string> Images);

public sealed record OrderHistoryPage(IReadOnlyList<OrderCard> Orders, ShopperStage? Stage, int Page, bool HasOlder);

/// <summary>One order as its shopper sees it, on the confirmation and on the order page alike.</summary>
public sealed record OrderDetails(Order Order, ShopperStage Stage, IReadOnlyDictionary<int, SellerCard> Sellers, IReadOnlyDictionary<long, string> Images, bool CanSimulatePayment)
{
    /// <summary>The lines the shopper has reviewed already.</summary>
    public IReadOnlySet<long> ReviewedLines { get; init; } = new HashSet<long>();

    /// <summary>Each seller's booked parcel with its tracking events.</summary>
    public IReadOnlyList<ParcelTracking> Parcels { get; init; } = [];
}

/// <summary>A shopper's own orders, and nobody else's: another shopper's order number reads as not found.</summary>
public sealed class OrderHistory(MarketplaceDbContext db, Shipments shipments, IOptions<PaymentOptions> payments)
{
    public const int PageSize = 20;
    public const int MaxPage = 50;

    public async Task<OrderHistoryPage> ListAsync(string userId, ShopperStage? stage, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var query = db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.ShopperUserId == userId);
        if (stage is { } wanted)
        {
            query = query.Where(ShopperStages.Of(wanted));
        }

        var rows = await query
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var shown = rows.Take(PageSize).ToList();
        var images = await db.CoverImagesAsync(shown.SelectMany(o => o.Lines).Select(l => l.ListingId), cancellationToken);
        var cards = shown.Select(o => new OrderCard(o, ShopperStages.StageOf(o), images)).ToList();
        return new OrderHistoryPage(cards, stage, page, rows.Count > PageSize);
    }

    public async Task<OrderDetails?> FindAsync(string userId, string number, CancellationToken cancellationToken)
    {
        if (!OrderNumber.IsWellFormed(number))
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .FirstOrDefaultAsync(o => o.Number == number && o.ShopperUserId == userId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var sellerIds = order.Lines.Select(l => l.SellerId).Distinct().ToList();
        var sellers = await db.Sellers.AsNoTracking()
            .Where(s => sellerIds.Contains(s.Id))
            .Select(s => new SellerCard(s.Id, s.StoreName, s.Slug, s.City, s.Province, PlacedListings.IsShopAbroad(s.Origin), s.CountryCode))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var images = await db.CoverImagesAsync(order.Lines.Select(l => l.ListingId), cancellationToken);
        var stage = ShopperStages.StageOf(order);
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var reviewed = await db.ProductReviews.AsNoTracking().Where(r => lineIds.Contains(r.OrderLineId)).Select(r => r.OrderLineId).ToListAsync(cancellationToken);
        var parcels = await shipments.OfOrderAsync(order.Id, null, cancellationToken);
        return new OrderDetails(order, stage, sellers, images, payments.Value.Sandbox && stage == ShopperStage.Unpaid) { ReviewedLines = reviewed.ToHashSet(), Parcels = parcels };
    }
}
