namespace Marketplace.Domain.Sellers;

public enum SellerStatus
{
    Active = 0,
    Suspended = 1,

    /// <summary>Closed by the platform (a foreign trader in closed clusters): no sign-in, no listings, no new orders.</summary>
    Closed = 2,
}
