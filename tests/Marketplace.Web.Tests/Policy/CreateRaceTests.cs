using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Sellers;

namespace Marketplace.Web.Tests.Policy;

/// <summary>
/// Sellers creating and publishing through the API in one request while an admin closes and opens the cluster: every
/// answer is the policy's, never a 5xx. Found from outside: the create wrote its row before taking the cluster lock and
/// deadlocked against the block (40P01), answering 500 after seconds of retries.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CreateRaceTests(CreateRaceTests.Fixture fixture) : IClassFixture<CreateRaceTests.Fixture>
{
    private const int Creators = 6;
    private const int Cycles = 4;

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task Creating_and_publishing_while_the_cluster_is_blocked_and_opened_answers_no_server_error()
    {
        var cluster = await _portal.Scenario.ClusterIdAsync(ReferenceCatalog.Electronics);
        var tokens = new List<string>();
        for (var i = 0; i < Creators; i++)
        {
            var (_, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
            tokens.Add(await SellerPortal.CreateTokenAsync(client));
        }

        var answers = new ConcurrentBag<HttpStatusCode>();
        using var done = new CancellationTokenSource();
        var creators = tokens.Select(token => Task.Run(async () =>
        {
            var api = fixture.App.CreateClient();
            for (var n = 0; !done.IsCancellationRequested; n++)
            {
                using var response = await api.SendAsync(SellerPortal.Api(HttpMethod.Post, "/listings", token, new
                {
                    sku = string.Create(CultureInfo.InvariantCulture, $"HP-{Guid.NewGuid():N}")[..20],
                    category = PolicyScenario.Smartphones,
                    title = "Smartphone Android Uji Balapan",
                    description = "Ponsel uji.",
                    price = 2_500_000,
                    stock = 3,
                    weightGrams = 250,
                    origin = "imported",
                    publish = true,
                    images = new[] { Convert.ToBase64String(TestImages.Png()) },
                }));
                answers.Add(response.StatusCode);
            }
        })).ToList();

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await _portal.Scenario.RulesAsync(r => r.BlockClusterAsync(cluster, null, "Uji balapan", "admin"));
            await EveryCreatorHadATurnAsync();
            await _portal.Scenario.RulesAsync(r => r.OpenClusterAsync(cluster, "Uji balapan", "admin"));
            await EveryCreatorHadATurnAsync();
        }

        await done.CancelAsync();
        await Task.WhenAll(creators);

        answers.Should().NotContain(s => (int)s >= 500);
        answers.Should().Contain(HttpStatusCode.Created);

        // Each phase lasts until every creator could have sent one request in it, counted, not timed.
        async Task EveryCreatorHadATurnAsync()
        {
            var before = answers.Count;
            await Eventually.WaitForAsync(() => Task.FromResult(answers.Count), n => n >= before + Creators, "a create by each seller");
        }
    }

    /// <summary>Refused attempts earn strikes and the API counts requests; neither may end the race early.</summary>
    public sealed class Fixture : SellerPortalFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Enforcement:StrikesToSuspend"] = int.MaxValue.ToString(CultureInfo.InvariantCulture),
            ["SellerApi:RequestsPerMinute"] = "100000",
        };
    }
}
