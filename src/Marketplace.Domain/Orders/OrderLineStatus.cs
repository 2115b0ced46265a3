namespace Marketplace.Domain.Orders;

/// <summary>Where one seller's part of an order stands.</summary>
public enum OrderLineStatus
{
    New = 0,
    Packed = 1,
    Shipped = 2,
    Delivered = 3,
    Cancelled = 4,
}
