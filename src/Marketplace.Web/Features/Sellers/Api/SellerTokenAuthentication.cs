using System.Security.Claims;
using System.Text.Encodings.Web;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>
/// Authenticates the seller API by <c>Authorization: Bearer &lt;token&gt;</c>: the token's SHA-256 hash is looked up
/// among tokens that are not revoked and whose shop is active. Failures answer with problem details, not the login page.
/// </summary>
internal sealed class SellerTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, MarketplaceDbContext db, NpgsqlDataSource data)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SellerToken";
    public const string SellerIdClaim = "seller_id";
    public const string TokenIdClaim = "token_id";
    public const string CanWriteClaim = "can_write";

    /// <summary>Present when the shop is read only (suspended): its value is the reason the shop was given.</summary>
    public const string ReadOnlyReasonClaim = "shop_read_only";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = SellerApiToken.HashOf(header["Bearer ".Length..].Trim());
        var token = await (
            from t in db.SellerApiTokens.AsNoTracking()
            join s in db.Sellers on t.SellerId equals s.Id
            join u in db.Users on s.UserId equals u.Id
            where t.Hash == hash && t.RevokedAt == null
            select new { t.Id, t.SellerId, t.CanWrite, u.UserName, s.Status, s.SuspensionReason })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null || token.Status == SellerStatus.Closed)
        {
            return AuthenticateResult.Fail("Unknown or revoked token, or a closed shop.");
        }

        // Written at most once a minute per token, so a busy integration does not turn every read into a write.
        await using (var used = data.CreateCommand("UPDATE seller_api_tokens SET last_used_at = now() WHERE id = @id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')"))
        {
            used.Parameters.AddWithValue("id", token.Id);
            await used.ExecuteNonQueryAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, token.UserName ?? "seller-api"),
                new Claim(SellerIdClaim, token.SellerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(CanWriteClaim, token.CanWrite ? "true" : "false"),
            ],
            SchemeName);
        if (Seller.IsReadOnlyStatus(token.Status))
        {
            identity.AddClaim(new Claim(ReadOnlyReasonClaim, token.SuspensionReason ?? string.Empty));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Api.Unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Api.Forbidden");

    private Task WriteProblemAsync(int status, string key)
    {
        var text = Context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        return Results.Problem(statusCode: status, title: text[key]).ExecuteAsync(Context);
    }
}
