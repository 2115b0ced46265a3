using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Hosting;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>
/// The Prometheus scrape at <c>/metrics</c>: the series a dashboard needs, with bounded labels, and only for scrapers on
/// the allowed networks. Runs alone because the site's meter counts for every site in the test process, and the counts
/// here are differences between two scrapes.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed partial class MetricsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Loopback = "127.0.0.1";

    private readonly PolicyScenario _scenario = new(fixture.App);

    [Fact]
    public async Task A_scrape_shows_requests_per_page_route_and_committed_decisions_and_holds_per_cluster_and_outcome()
    {
        var local = await _scenario.CreateSellerAsync(SellerOrigin.Local);
        var foreign = await _scenario.CreateSellerAsync(SellerOrigin.CrossBorder, "CN");
        var allowed = await _scenario.CreateDraftAsync(local, PolicyScenario.Coffee, "Kopi Gayo Bubuk 250 g");
        var suspicious = await _scenario.CreateDraftAsync(foreign, PolicyScenario.PhoneCases, "Casing HP Motif Batik Parang", 150_000, ProductOrigin.Imported);
        var coffee = await ClusterOfAsync(PolicyScenario.Coffee);
        var phones = await ClusterOfAsync(PolicyScenario.PhoneCases);
        var before = await ScrapeAsync();

        var client = fixture.App.CreateBrowserClient(Loopback);
        (await client.GetAsync("/Search?q=kopi")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Search?q=rotan")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _scenario.PublishAsync(allowed)).State.Should().Be(ListingState.Published);
        var held = await _scenario.PublishAsync(suspicious);
        held.State.Should().Be(ListingState.PendingReview);

        var searches = Series.Of("http_server_request_duration_seconds_count", ("http_route", "Search"), ("http_response_status_code", "200"));
        var decided = Series.Of("marketplace_policy_decisions_total", ("cluster_id", coffee), ("outcome", nameof(PolicyOutcome.Allowed)));
        var screened = Series.Of("marketplace_policy_decisions_total", ("cluster_id", phones), ("outcome", nameof(PolicyOutcome.NeedsReview)));
        var hold = Series.Of("marketplace_screening_holds_total", ("cluster_id", phones), ("reason", held.Verdict.ReasonCodes[0]));
        var after = await Eventually.WaitForAsync(ScrapeAsync, s => s.Value(searches) - before.Value(searches) >= 2, "both searches in a scrape");

        (after.Value(searches) - before.Value(searches)).Should().Be(2, "both searches are one page, whatever their query");
        after.Samples.Should().NotContain(s => s.Labels.Values.Any(v => v.Contains("kopi", StringComparison.Ordinal)), "a label never carries a path or a query");
        (after.Value(decided) - before.Value(decided)).Should().Be(1);
        (after.Value(screened) - before.Value(screened)).Should().Be(1);
        (after.Value(hold) - before.Value(hold)).Should().Be(1);
    }

    [Fact]
    public async Task A_scrape_shows_job_leases_the_outbox_depth_the_runtime_and_npgsql()
    {
        var scrape = await Eventually.WaitForAsync(
            ScrapeAsync,
            s => s.Samples.Any(x => x.Name == "marketplace_job_leases_taken_total") && s.Samples.Any(x => x.Name == "marketplace_email_outbox_depth"),
            "the site's jobs to take a lease and its outbox worker to count the outbox");

        scrape.Samples.Where(s => s.Name == "marketplace_job_leases_taken_total").Should().OnlyContain(s => s.Labels.ContainsKey("job"));
        scrape.Samples.Should().Contain(s => s.Name.StartsWith("dotnet_gc_", StringComparison.Ordinal), "the runtime's metrics are exported");
        scrape.Samples.Should().Contain(s => s.Name.StartsWith("db_client_", StringComparison.Ordinal), "Npgsql's metrics are exported");
    }

    [Theory]
    [InlineData("127.0.0.1", null, HttpStatusCode.OK)]
    [InlineData("::1", null, HttpStatusCode.OK)]
    [InlineData("10.20.30.40", null, HttpStatusCode.OK)]
    [InlineData("192.168.1.9", null, HttpStatusCode.OK)]
    [InlineData("203.0.113.7", null, HttpStatusCode.NotFound)]
    [InlineData("2001:db8::7", null, HttpStatusCode.NotFound)]
    [InlineData("10.20.30.40", "203.0.113.7", HttpStatusCode.NotFound)]
    public async Task The_scrape_answers_the_private_networks_by_default_and_nobody_behind_a_proxy(string address, string? forwardedFor, HttpStatusCode expected)
    {
        var client = fixture.App.CreateBrowserClient(address);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.GetAsync("/metrics");

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Contains("# TYPE", StringComparison.Ordinal).Should().Be(expected == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_without_a_client_address_gets_no_scrape()
    {
        using var response = await fixture.App.CreateClient().GetAsync("/metrics");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_allowed_networks_are_a_setting_and_a_mistyped_one_stops_the_site()
    {
        var networks = MetricsNetworks.From(Settings("192.0.2.0/24, 2001:db8:1::/48"));

        networks.Allows(From("192.0.2.200")).Should().BeTrue();
        networks.Allows(From("::ffff:192.0.2.1")).Should().BeTrue("an IPv4 client on a dual-stack socket");
        networks.Allows(From("2001:db8:1::5")).Should().BeTrue();
        networks.Allows(From("127.0.0.1")).Should().BeFalse("the setting replaces the default ranges");
        networks.Allows(From("10.0.0.1")).Should().BeFalse();
        var mistyped = () => MetricsNetworks.From(Settings("10.0.0.0/8, 10.0.0/33"));
        mistyped.Should().Throw<InvalidOperationException>().WithMessage("*10.0.0/33*");
    }

    private static IConfiguration Settings(string networks) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Metrics:AllowedNetworks"] = networks }).Build();

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    private async Task<string> ClusterOfAsync(string categorySlug)
    {
        var category = await _scenario.CategoryIdAsync(categorySlug);
        var cluster = await _scenario.WithDbAsync(db => db.Categories.Where(c => c.Id == category).Select(c => c.ClusterId!.Value).SingleAsync());
        return cluster.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<Scrape> ScrapeAsync()
    {
        using var response = await fixture.App.CreateBrowserClient(Loopback).GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return Scrape.Parse(await response.Content.ReadAsStringAsync());
    }

    private sealed record Series(string Name, IReadOnlyList<(string Label, string Value)> Labels)
    {
        public static Series Of(string name, params (string Label, string Value)[] labels) => new(name, labels);
    }

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    /// <summary>The Prometheus text format, one sample a line: <c>name{label="value",...} value [timestamp]</c>.</summary>
    private sealed partial record Scrape(IReadOnlyList<Sample> Samples)
    {
        public static Scrape Parse(string text) => new(text.Split('\n')
            .Select(line => SampleLine().Match(line))
            .Where(m => m.Success)
            .Select(m => new Sample(
                m.Groups["name"].Value,
                LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList());

        /// <summary>The sum over every sample of the series' name that carries its labels (0 when there is none yet).</summary>
        public double Value(Series series) => Samples
            .Where(s => s.Name == series.Name && series.Labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Sum(s => s.Value);

        [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)""")]
        private static partial Regex SampleLine();

        [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
        private static partial Regex LabelPair();
    }
}
