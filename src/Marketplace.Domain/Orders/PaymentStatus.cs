namespace Marketplace.Domain.Orders;

/// <summary>Whether an order's money has arrived. Sellers see an order only once it is <see cref="Paid"/> or paid on delivery.</summary>
public enum PaymentStatus
{
    /// <summary>A bank transfer order waiting for the shopper to pay into its virtual account.</summary>
    AwaitingPayment = 0,
    Paid = 1,

    /// <summary>The deadline passed unpaid: the order is void and its stock went back on sale.</summary>
    Expired = 2,

    /// <summary>Cash on delivery: the courier collects, so the sellers handle the order at once.</summary>
    OnDelivery = 3,
}
