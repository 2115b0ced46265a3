using Marketplace.Domain.Enforcement;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Review;
using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Enforcement;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Enforcement;

/// <summary>Strikes, appeals and their effects, made and read back the way the site does.</summary>
public sealed class EnforcementScenario(MarketplaceApp app)
{
    public PolicyScenario Policy { get; } = new(app);

    /// <summary>A cross-border seller's attempt to publish a batik listing in the closed textile cluster: rejected, and a strike.</summary>
    public async Task<long> BlockedAttemptAsync(int sellerId, string title = "Kemeja Batik Impor")
    {
        var id = await Policy.CreateDraftAsync(sellerId, PolicyScenario.Textile, title, origin: ProductOrigin.Imported);
        (await Policy.PublishAsync(id)).State.Should().Be(ListingState.Rejected);
        return id;
    }

    /// <summary>A cross-border listing in an open category whose words read like batik: it waits for an admin.</summary>
    public async Task<long> HeldForReviewAsync(int sellerId, string title = "Casing HP Motif Batik Kawung")
    {
        var id = await Policy.CreateDraftAsync(sellerId, PolicyScenario.PhoneCases, title, origin: ProductOrigin.Imported);
        (await Policy.PublishAsync(id)).State.Should().Be(ListingState.PendingReview);
        return id;
    }

    public Task<ReviewOutcome> RejectAsync(long listingId, string note, AdminActor admin) =>
        WithAsync<ListingReview, ReviewOutcome>(r => r.RejectAsync([listingId], note, admin, CancellationToken.None));

    public Task<ShopStrikes> StrikesAsync(int sellerId) => WithAsync<StrikeLedger, ShopStrikes>(s => s.OfSellerAsync(sellerId, CancellationToken.None));

    public Task<List<Strike>> StrikeRowsAsync(int sellerId) =>
        Policy.WithDbAsync(db => db.Strikes.AsNoTracking().Where(s => s.SellerId == sellerId).OrderBy(s => s.Id).ToListAsync());

    public Task<Seller> ShopAsync(int sellerId) => Policy.WithDbAsync(db => db.Sellers.AsNoTracking().SingleAsync(s => s.Id == sellerId));

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static AdminActor Admin { get; } = new("admin-user", "admin@example.id");
}
