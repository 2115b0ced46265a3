namespace Marketplace.Web.Features.Orders;

/// <summary>
/// The anonymous shopper's cart id. The cart itself lives in PostgreSQL, so any web node serves the next request;
/// the cookie holds only a random GUID, readable by no script.
/// </summary>
internal static class CartCookie
{
    public const string Name = "mp.cart";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static Guid? Read(HttpContext context) =>
        Guid.TryParseExact(context.Request.Cookies[Name], "N", out var id) ? id : null;

    public static void Write(HttpContext context, Guid cartId, DateTimeOffset now) =>
        context.Response.Cookies.Append(Name, cartId.ToString("N"), Options(context, now.Add(Lifetime)));

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context, null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = "/",
        Expires = expires,
    };
}
