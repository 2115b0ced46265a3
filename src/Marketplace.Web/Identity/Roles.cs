namespace Marketplace.Web.Identity;

public static class Roles
{
    public const string Shopper = "Shopper";
    public const string Seller = "Seller";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Shopper, Seller, Admin];
}
