using Marketplace.Domain;
using Marketplace.Domain.Orders;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Storefront;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Orders;

public sealed record OrderSummary(string Number, DateTimeOffset PlacedAt, PaymentMethod PaymentMethod, int ItemCount, int SellerCount, Rupiah Total);

public sealed record OrderHistoryPage(IReadOnlyList<OrderSummary> Orders, int Page, bool HasOlder);

public sealed record OrderDetails(Order Order, IReadOnlyDictionary<int, SellerCard> Sellers);

/// <summary>A shopper's own orders, and nobody else's: another shopper's order number reads as not found.</summary>
public sealed class OrderHistory(MarketplaceDbContext db)
{
    public const int PageSize = 20;
    public const int MaxPage = 50;

    public async Task<OrderHistoryPage> ListAsync(string userId, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.ShopperUserId == userId)
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Select(o => new
            {
                o.Number,
                o.PlacedAt,
                o.PaymentMethod,
                o.ShippingFeePerSeller,
                Lines = o.Lines.Select(l => new { l.SellerId, l.UnitPrice, l.Quantity }).ToList(),
            })
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);

        var orders = rows.Take(PageSize).Select(o =>
        {
            var sellers = o.Lines.Select(l => l.SellerId).Distinct().Count();
            var total = Rupiah.Sum(o.Lines.Select(l => l.UnitPrice * l.Quantity)) + (o.ShippingFeePerSeller * sellers);
            return new OrderSummary(o.Number, o.PlacedAt, o.PaymentMethod, o.Lines.Sum(l => l.Quantity), sellers, total);
        }).ToList();
        return new OrderHistoryPage(orders, page, rows.Count > PageSize);
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
            .Select(s => new SellerCard(s.Id, s.StoreName, s.Slug, s.City, s.Province, s.Origin == SellerOrigin.CrossBorder, s.CountryCode))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        return new OrderDetails(order, sellers);
    }
}
