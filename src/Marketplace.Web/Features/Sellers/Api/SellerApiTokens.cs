using System.Security.Cryptography;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>A token as just created: the secret is in here and nowhere else, and is shown once.</summary>
public sealed record IssuedToken(int Id, string Secret);

/// <summary>Personal access tokens of a shop: created (the secret is random, 32 bytes, and only its hash is kept), listed, revoked.</summary>
public sealed class SellerApiTokens(MarketplaceDbContext db, TimeProvider clock)
{
    public async Task<IssuedToken> CreateAsync(int sellerId, string name, bool canWrite, CancellationToken cancellationToken)
    {
        var secret = SellerApiToken.SecretPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var token = new SellerApiToken(sellerId, name, secret, canWrite, clock.GetUtcNow());
        db.SellerApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new IssuedToken(token.Id, secret);
    }

    public Task<List<SellerApiToken>> ListAsync(int sellerId, CancellationToken cancellationToken) =>
        db.SellerApiTokens.AsNoTracking().Where(t => t.SellerId == sellerId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the seller's own tokens; false when there is no such token in this shop.</summary>
    public async Task<bool> RevokeAsync(int sellerId, int tokenId, CancellationToken cancellationToken)
    {
        var token = await db.SellerApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.SellerId == sellerId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
