using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Review;
using Marketplace.Web.Tests.Policy;
using Marketplace.Web.Tests.Sellers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Verification;

/// <summary>
/// The finding "115 of 117 items in the review queue were held only for unverified origin", replayed on a database of its
/// own: 23 new local shops with five closed-cluster listings each, and two cross-border listings that read like batik.
/// Once the shops send their NIBs, which the registry confirms, only the two listings a person must judge are left.
/// </summary>
public sealed class HonestShopsLeaveTheReviewQueueTests(SellerPortalFixture fixture, ITestOutputHelper output) : IClassFixture<SellerPortalFixture>
{
    private const int Shops = 23;

    private static readonly string[] Goods = [PolicyScenario.Textile, PolicyScenario.Coffee, PolicyScenario.Rattan, PolicyScenario.Textile, PolicyScenario.Coffee];

    private readonly RegistryDesk _desk = new(fixture.App);

    [Fact]
    public async Task Honest_local_shops_with_matching_NIBs_no_longer_reach_the_review_queue()
    {
        var shops = new List<(int SellerId, string StoreName, HttpClient Client)>();
        for (var i = 0; i < Shops; i++)
        {
            var shop = await _desk.LocalShopAsync();
            shops.Add(shop);
            foreach (var (category, n) in Goods.Select((c, n) => (c, n)))
            {
                await _desk.Scenario.PublishAsync(await _desk.Scenario.CreateDraftAsync(shop.SellerId, category, $"Produk UMKM {i}-{n} {category}"));
            }
        }

        var foreign = await _desk.Scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        await _desk.Scenario.PublishAsync(await _desk.Scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Parang", origin: ProductOrigin.Imported));
        await _desk.Scenario.PublishAsync(await _desk.Scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Kawung", origin: ProductOrigin.Imported));

        var before = await QueueAsync();
        before.Waiting.Should().Be(117);
        before.OnlyForOrigin.Should().Be(115);

        var times = new List<TimeSpan>();
        foreach (var (shop, i) in shops.Select((s, i) => (s, i)))
        {
            var nib = RegistryDesk.NextNib();
            string[] kbli = (i % 3) switch { 0 => ["47111"], 1 => ["13134", "10761", "16292"], _ => ["47912", "47911", "47913"] };
            await _desk.RegisterAsync(new BusinessRegistration(nib, $"UD {shop.StoreName}", $"Pemilik {i}", kbli, "Jawa Barat", Active: true));
            var (response, elapsed) = await RegistryDesk.SendNibAsync(shop.Client, nib);
            using (response)
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            }

            times.Add(elapsed);
        }

        var after = await QueueAsync();
        after.Waiting.Should().Be(2, "only the listings a person must judge are left");
        after.OnlyForOrigin.Should().Be(0);
        (await _desk.Scenario.WithDbAsync(db => db.OriginEvidence.CountAsync(e => e.Status == OriginVerification.Pending))).Should().Be(0, "no request reached an admin");
        times.Sort();
        output.WriteLine($"Queue before: {before.Waiting} ({before.OnlyForOrigin} only for unverified origin); after: {after.Waiting} ({after.OnlyForOrigin}).");
        output.WriteLine($"Request to verified shop over {times.Count} shops: median {times[times.Count / 2].TotalMilliseconds:F0} ms, max {times[^1].TotalMilliseconds:F0} ms.");
    }

    private async Task<(int Waiting, int OnlyForOrigin)> QueueAsync()
    {
        using var scope = fixture.App.Services.CreateScope();
        var queue = await scope.ServiceProvider.GetRequiredService<ListingReview>().WaitingAsync(null, CancellationToken.None);
        var held = await _desk.Scenario.WithDbAsync(db => db.Listings.AsNoTracking().Where(l => l.State == ListingState.PendingReview).ToListAsync());
        return (queue.Waiting, held.Count(l => l.ReasonCodes.SequenceEqual([ReasonCodes.UnverifiedLocalOrigin])));
    }
}
