using System.Collections.Concurrent;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Policy;

/// <summary>Sellers publishing while an admin closes and opens the same cluster: after every closure commits, nothing of it is visible.</summary>
[Collection(RunsAlone.Name)]
public sealed class PublishRaceTests(PublishRaceTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<PublishRaceTests.Fixture>
{
    private const int Publishers = 8;
    private const int Cycles = 8;

    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task Publishing_while_the_cluster_is_blocked_and_opened_repeatedly_never_leaves_a_cross_border_listing_visible_after_a_block()
    {
        var cluster = await _scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        var sellers = new List<int>();
        for (var i = 0; i < Publishers; i++)
        {
            sellers.Add(await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN"));
        }

        var attempts = new ConcurrentBag<(long Listing, PublicationOutcome Outcome)>();
        var violations = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<Exception>();
        var blocks = 0;
        using var togglerDone = new CancellationTokenSource();

        var publishers = sellers.Select(seller => Task.Run(async () =>
        {
            while (!togglerDone.IsCancellationRequested)
            {
                try
                {
                    var listing = await _scenario.CreateDraftAsync(seller, PolicyScenario.Smartphones, "Smartphone Android Uji Balapan", 2_500_000, ProductOrigin.Imported);
                    var result = await _scenario.PublishAsync(listing);
                    attempts.Add((listing, new PublicationOutcome(result.State, result.Verdict.ReasonCodes)));
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            }
        })).ToList();

        var toggler = Task.Run(async () =>
        {
            try
            {
                await ToggleAsync();
            }
            finally
            {
                await togglerDone.CancelAsync();
            }
        });

        async Task ToggleAsync()
        {
            while (blocks < Cycles)
            {
                await _scenario.RulesAsync(r => r.BlockClusterAsync(cluster, null, "Uji balapan", "admin"));
                blocks++;
                var (published, visible) = await LiveCrossBorderAsync(cluster);
                if (published + visible > 0)
                {
                    violations.Add($"after block {blocks}: {published} published and {visible} visible cross-border listings");
                }

                await PublishersHadATurnAsync();
                await _scenario.RulesAsync(r => r.OpenClusterAsync(cluster, "Uji balapan", "admin"));
                await PublishersHadATurnAsync();
            }
        }

        // Each phase lasts until every publisher could have tried once in it, counted, not timed.
        async Task PublishersHadATurnAsync()
        {
            var before = attempts.Count + failures.Count;
            await Eventually.WaitForAsync(() => Task.FromResult(attempts.Count + failures.Count), n => n >= before + Publishers, "a publication attempt by each publisher");
        }

        await Task.WhenAll([.. publishers, toggler]);
        output.WriteLine($"{attempts.Count} publication attempts and {blocks} blocks");

        failures.Should().BeEmpty();
        violations.Should().BeEmpty();
        blocks.Should().Be(Cycles);
        attempts.Should().HaveCountGreaterThanOrEqualTo(Cycles * 2 * Publishers);
        attempts.Should().OnlyContain(a =>
            (a.Outcome.State == ListingState.Published && a.Outcome.Reasons.Count == 0)
            || (a.Outcome.State == ListingState.Rejected && a.Outcome.Reasons.SequenceEqual(new[] { ReasonCodes.ClusterBlocked })));
        attempts.Select(a => a.Outcome.State).Distinct().Should().HaveCount(2, "the race should have produced both outcomes");

        var ids = attempts.Select(a => a.Listing).ToArray();
        var recorded = await _scenario.WithDbAsync(db => db.PolicyDecisions
            .Where(d => ids.Contains(d.ListingId) && d.Trigger == DecisionTrigger.SellerPublish)
            .GroupBy(d => d.ListingId)
            .Select(g => g.Count())
            .ToListAsync());
        recorded.Should().HaveCount(ids.Length).And.OnlyContain(count => count == 1, "every attempt is recorded once, none lost");
    }

    private Task<(int Published, int Visible)> LiveCrossBorderAsync(int cluster) => _scenario.WithDbAsync(async db =>
    {
        var published = await (from l in db.Listings
                               join s in db.Sellers on l.SellerId equals s.Id
                               join c in db.Categories on l.CategoryId equals c.Id
                               where c.ClusterId == cluster && l.State == ListingState.Published
                                   && (s.Origin == SellerOrigin.CrossBorder || l.Origin == ProductOrigin.Imported)
                               select l.Id).CountAsync();
        var visible = await db.VisibleListingsAt(_scenario.Now)
            .CountAsync(v => v.Category.ClusterId == cluster && (v.Seller.Origin == SellerOrigin.CrossBorder || v.Listing.Origin == ProductOrigin.Imported));
        return (published, visible);
    });

    /// <summary>
    /// Every refused attempt after a block earns its shop a strike; at the product's threshold all eight shops would be
    /// suspended within the first closure and the race would end there. Strikes have their own tests.
    /// </summary>
    public sealed class Fixture : AppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Enforcement:StrikesToSuspend"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed record PublicationOutcome(ListingState State, IReadOnlyList<string> Reasons);
}
