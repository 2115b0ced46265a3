using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>
/// Builds shops and listings for storefront tests through the domain: every listing is decided by the listing policy as a
/// seller's publish would be, and taken down only through the domain's own methods.
/// </summary>
public sealed class StorefrontData(MarketplaceApp app)
{
    private static int _sku;

    public static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task<int> SellerAsync(string slug, string storeName, string province = "Jawa Barat", string city = "Bandung", string countryCode = "ID")
    {
        var user = await TestUsers.CreateAsync(app, $"{slug}@toko.example.id", Roles.Shopper, Roles.Seller);
        var origin = countryCode == CountryCode.Indonesia ? SellerOrigin.Local : SellerOrigin.CrossBorder;
        return await WithDbAsync(async db =>
        {
            var seller = new Seller(user.Id, storeName, slug, origin, countryCode, province, city, null, Now.AddDays(-30));
            db.Sellers.Add(seller.VerifiedIfLocal(Now.AddDays(-30)));
            await db.SaveChangesAsync();
            return seller.Id;
        });
    }

    /// <summary>A listing published through the policy; fails the test when the policy does not allow it.</summary>
    /// <param name="age">How long ago it was published: newest-first pages sort by that.</param>
    public async Task<long> ListingAsync(
        int sellerId,
        string categorySlug,
        string title,
        long price,
        int stock = 10,
        ProductOrigin origin = ProductOrigin.Local,
        decimal? tkdn = null,
        string description = "",
        TimeSpan? age = null)
    {
        var (id, state) = await TryPublishAsync(sellerId, categorySlug, title, price, stock, origin, tkdn, description, age ?? TimeSpan.FromMinutes(1));
        state.Should().Be(ListingState.Published, "the policy should allow '{0}'", title);
        return id;
    }

    /// <summary>A listing put through the policy whatever it decides, for listings the policy refuses.</summary>
    public Task<(long Id, ListingState State)> TryPublishAsync(
        int sellerId, string categorySlug, string title, long price, int stock, ProductOrigin origin, decimal? tkdn, string description, TimeSpan age) =>
        WithDbAsync(async db =>
        {
            var at = Now - age;
            var policy = await PolicyRules.LoadAsync(db);
            var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId);
            var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Slug == categorySlug);
            var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == category.ClusterId)
                .Select(c => new ClusterRef(c.Id, c.Code, c.NameId, c.NameEn)).SingleAsync();
            var listing = new Listing(sellerId, $"T-{Interlocked.Increment(ref _sku)}", new ListingContent(category.Id, title, description, new Rupiah(price), stock, origin, tkdn), at);
            var subject = new PolicySubject(title, description, listing.Price, origin, seller.Origin, seller.Status, cluster, category.HsChapters, false);
            db.Listings.Add(listing);
            await db.SaveChangesAsync();

            // Decided by the policy and its state machine as of `at`, and stored as the decision writer would store it.
            var decided = ListingTransitions.After(
                new ListingStateColumns(listing.State, null, [], null, listing.StateChangedAt, null),
                ListingPolicy.Decide(subject, policy.Rules, at),
                DecisionTrigger.SellerPublish,
                at);
            await db.Listings.Where(l => l.Id == listing.Id).ExecuteUpdateAsync(u => u
                .SetProperty(l => l.State, decided.State)
                .SetProperty(l => l.PublishedAt, decided.PublishedAt)
                .SetProperty(l => l.StateChangedAt, decided.StateChangedAt)
                .SetProperty(l => l.ReasonCodes, decided.ReasonCodes.ToList()));
            return (listing.Id, decided.State);
        });

    public Task SuspendSellerAsync(int sellerId) => WithDbAsync(async db =>
    {
        var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId);
        seller.Suspend("Pelanggaran berulang (tes)", Now);
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>
    /// Closes a cluster to cross-border sales from now on without sweeping its live listings, as in the moment between an
    /// admin's block and the sweep: the rows still say Published, and only the visibility predicate keeps them out of sight.
    /// </summary>
    public Task BlockClusterAsync(string clusterCode) => WithDbAsync(async db =>
    {
        var clusterId = await db.Clusters.Where(c => c.Code == clusterCode).Select(c => c.Id).SingleAsync();
        db.ClusterBlocks.Add(new ClusterBlock(clusterId, Now.AddSeconds(-1), "Tes: klaster ditutup", "test", Now.AddSeconds(-1)));
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return Run();

        async Task<T> Run()
        {
            using var scope = app.Services.CreateScope();
            return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
        }
    }
}
