namespace Marketplace.Domain.Sellers;

public enum SellerStatus
{
    Active = 0,
    Suspended = 1,
}
