using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Tests.Infrastructure;

public static class VerifiedSellers
{
    /// <summary>A local shop whose evidence an admin has verified, as most tests' local sellers are.</summary>
    public static Seller VerifiedIfLocal(this Seller seller, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (seller.Origin == SellerOrigin.Local)
        {
            seller.RequestLocalVerification();
            seller.VerifyLocalOrigin(at);
        }

        return seller;
    }
}
