namespace Marketplace.Domain.Money;

/// <summary>
/// The books' accounts. Every amount sits in one of them; <see cref="PaymentsReceived"/> mirrors the world outside (it goes
/// negative by everything shoppers and COD couriers paid in), so the sum over all accounts is always zero.
/// </summary>
public enum LedgerAccountKind
{
    /// <summary>Cash in from the payment provider and from COD couriers; its balance is minus everything received.</summary>
    PaymentsReceived = 0,

    /// <summary>One per seller's part of an order: the shopper's money held until receipt.</summary>
    Escrow = 1,

    /// <summary>One per seller: what the seller may withdraw.</summary>
    SellerBalance = 2,

    PlatformFees = 3,

    /// <summary>One per seller: withdrawals handed to the disbursement provider and not yet settled.</summary>
    PayoutsInTransit = 4,

    /// <summary>Money that reached sellers' bank accounts.</summary>
    PayoutsSent = 5,

    /// <summary>Money owed back to shoppers and sent back through the provider.</summary>
    RefundsToShoppers = 6,
}

/// <summary>Names one account: its kind, and the seller or order part it belongs to when it is not a platform-wide one.</summary>
public readonly record struct LedgerAccount(LedgerAccountKind Kind, int? SellerId, long? OrderId)
{
    public static LedgerAccount PaymentsReceived { get; } = new(LedgerAccountKind.PaymentsReceived, null, null);

    public static LedgerAccount PlatformFees { get; } = new(LedgerAccountKind.PlatformFees, null, null);

    public static LedgerAccount PayoutsSent { get; } = new(LedgerAccountKind.PayoutsSent, null, null);

    public static LedgerAccount RefundsToShoppers { get; } = new(LedgerAccountKind.RefundsToShoppers, null, null);

    public static LedgerAccount Escrow(long orderId, int sellerId) => new(LedgerAccountKind.Escrow, sellerId, orderId);

    public static LedgerAccount SellerBalance(int sellerId) => new(LedgerAccountKind.SellerBalance, sellerId, null);

    public static LedgerAccount PayoutsInTransit(int sellerId) => new(LedgerAccountKind.PayoutsInTransit, sellerId, null);

    /// <summary>Every account but the mirror of the outside world holds money, so it can never go below zero.</summary>
    public static bool MayGoNegative(LedgerAccountKind kind) => kind == LedgerAccountKind.PaymentsReceived;
}
