using Marketplace.Domain;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Identity;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Policy;

/// <summary>Builds sellers and listings in a test database and reads back what the policy did to them.</summary>
public sealed class PolicyScenario(MarketplaceApp app)
{
    public const string Textile = "batik-tulis";
    public const string Coffee = "kopi-bubuk";
    public const string Rattan = "anyaman-rotan";
    public const string Smartphones = "smartphone";
    public const string PhoneCases = "casing-hp";

    private static int _sequence;

    public DateTimeOffset Now => app.Clock.GetUtcNow();

    public async Task<int> CreateSellerAsync(SellerOrigin origin, string country = "", bool verified = true) =>
        (await CreateSellerWithLoginAsync(origin, country, verified)).SellerId;

    /// <summary>A seller whose owner can log in with <see cref="TestUsers.Password"/>; a local one is verified unless the test says otherwise.</summary>
    public async Task<(int SellerId, string Email)> CreateSellerWithLoginAsync(SellerOrigin origin, string country = "", bool verified = true)
    {
        var n = Interlocked.Increment(ref _sequence);
        var email = $"seller{n}-{Guid.NewGuid():N}@example.id";
        var user = await TestUsers.CreateAsync(app, email, Roles.Seller);
        var countryCode = origin == SellerOrigin.Local ? "ID" : (country.Length == 2 ? country : "CN");
        return await WithDbAsync(async db =>
        {
            var seller = new Seller(user.Id, $"Toko Uji {n}", $"toko-uji-{n}-{Guid.NewGuid():N}"[..30].TrimEnd('-'), origin, countryCode, "Jawa Barat", "Bandung", null, Now);
            db.Sellers.Add(verified ? seller.VerifiedIfLocal(Now) : seller);
            await db.SaveChangesAsync();
            return (seller.Id, email);
        });
    }

    /// <summary>
    /// A draft with one photo (<paramref name="photo"/>, or a picture of its own), so that publishing it is up to the
    /// policy; a test of the photo rule asks for none.
    /// </summary>
    public Task<long> CreateDraftAsync(
        int sellerId, string categorySlug, string title, long price = 250_000, ProductOrigin origin = ProductOrigin.Local, string description = "Produk uji.", bool withPhoto = true,
        byte[]? photo = null) =>
        WithDbAsync(async db =>
        {
            var categoryId = await CategoryIdAsync(db, categorySlug);
            var listing = new Listing(sellerId, "SKU-" + Interlocked.Increment(ref _sequence), new ListingContent(categoryId, title, description, new Rupiah(price), 10, origin, null), Now);
            if (withPhoto)
            {
                var stored = await StorePhotoAsync(photo);
                listing.AddImage(stored.Name, stored.ContentType);
            }

            db.Listings.Add(listing);
            await db.SaveChangesAsync();
            return listing.Id;
        });

    public async Task<long> CreatePublishedAsync(int sellerId, string categorySlug, string title, ProductOrigin origin = ProductOrigin.Local)
    {
        var id = await CreateDraftAsync(sellerId, categorySlug, title, origin: origin);
        var result = await PublishAsync(id);
        result.State.Should().Be(ListingState.Published, "the scenario needs a live listing: {0}", string.Join(", ", result.Verdict.ReasonCodes));
        return id;
    }

    public Task<PublicationResult> PublishAsync(long listingId, DecisionTrigger trigger = DecisionTrigger.SellerPublish, string actor = "seller@example.id") =>
        WithServiceAsync<ListingPublication, PublicationResult>(p => p.PublishAsync(listingId, trigger, actor));

    /// <summary>A real photo (a small one of its own unless given) put through the site's image store, as an upload would be.</summary>
    public async Task<StoredImage> StorePhotoAsync(byte[]? photo = null)
    {
        using var scope = app.Services.CreateScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ImageStore>().SaveAsync("foto-produk.png", photo ?? TestImages.Png(), shopId: null, CancellationToken.None);
        return saved.Image ?? throw new InvalidOperationException(saved.ProblemKey);
    }

    public Task<T> RulesAsync<T>(Func<PolicyRuleChanges, Task<T>> change) => WithServiceAsync(change);

    public Task<T> PublicationAsync<T>(Func<ListingPublication, Task<T>> work) => WithServiceAsync(work);

    public Task<Listing> ListingAsync(long id) => WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == id));

    public Task<List<PolicyDecision>> DecisionsAsync(long listingId) =>
        WithDbAsync(db => db.PolicyDecisions.AsNoTracking().Where(d => d.ListingId == listingId).OrderBy(d => d.Id).ToListAsync());

    public Task<List<SellerNotification>> NotificationsAsync(int sellerId) =>
        WithDbAsync(db => db.SellerNotifications.AsNoTracking().Where(n => n.SellerId == sellerId).OrderBy(n => n.Id).ToListAsync());

    /// <summary>Whether the storefront's visibility predicate shows the listing now.</summary>
    public Task<bool> IsVisibleAsync(long id) => WithDbAsync(db => db.VisibleListingsAt(Now).AnyAsync(v => v.Listing.Id == id));

    /// <summary>The clusters closed now or on a schedule, for <see cref="RestoreClustersAsync"/>.</summary>
    public Task<HashSet<int>> ClosedClustersAsync() =>
        WithDbAsync(async db => (await db.ClusterBlocks.Where(b => b.LiftedAt == null).Select(b => b.ClusterId).ToListAsync()).ToHashSet());

    /// <summary>
    /// Closes and opens clusters through the policy until they are as <paramref name="closed"/> says, so a test that
    /// changed a cluster shared with its class's other tests leaves it as it found it, whether it passed or failed.
    /// </summary>
    public async Task RestoreClustersAsync(IReadOnlySet<int> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var now = await ClosedClustersAsync();
        foreach (var cluster in closed.Except(now))
        {
            await RulesAsync(r => r.BlockClusterAsync(cluster, null, "Keadaan awal uji", "test"));
        }

        foreach (var cluster in now.Except(closed))
        {
            await RulesAsync(r => r.OpenClusterAsync(cluster, "Keadaan awal uji", "test"));
        }
    }

    public Task<int> ClusterIdAsync(string code) => WithDbAsync(db => db.Clusters.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    public Task<int> CategoryIdAsync(string slug) => WithDbAsync(db => CategoryIdAsync(db, slug));

    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private Task<T> WithServiceAsync<T>(Func<PolicyRuleChanges, Task<T>> work) => WithServiceAsync<PolicyRuleChanges, T>(work);

    private Task<T> WithServiceAsync<T>(Func<ListingPublication, Task<T>> work) => WithServiceAsync<ListingPublication, T>(work);

    private static Task<int> CategoryIdAsync(MarketplaceDbContext db, string slug) =>
        db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
}
