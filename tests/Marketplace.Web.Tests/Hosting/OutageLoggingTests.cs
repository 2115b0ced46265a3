using Marketplace.Web.Data;
using Marketplace.Web.Hosting;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Serilog.Events;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>Logging while the database is away stays bounded: one line per failing component per interval, no stack trace per query.</summary>
public sealed class OutageLoggingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task During_an_outage_each_failing_component_writes_one_line_per_interval_without_a_stack_trace()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString) { Port = LocalPostgres.FreePort() }.ConnectionString;
        await using var app = new MarketplaceApp(unreachable, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false", ["Logging:OutageIntervalSeconds"] = "60" }, clock);
        var client = app.CreateClient();

        await RequestManyAsync(client, 12);
        var first = OutageLines(app);
        clock.Advance(TimeSpan.FromSeconds(61));
        await RequestManyAsync(client, 3);
        var second = OutageLines(app).Skip(first.Count).ToList();

        first.Should().NotBeEmpty("the outage is reported");
        app.Errors.Events.Should().NotContain(e => e.Exception != null && DatabaseOutage.IsOutage(e.Exception), "no stack trace per query: {0}", app.Errors.Describe());
        first.GroupBy(Component).Should().OnlyContain(g => g.Count() == 1, "one line per component per interval");
        first.Select(Component).Should().Contain(c => c.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        second.Select(Component).Should().OnlyHaveUniqueItems("again one line per component in the next interval");
        second.Should().Contain(e => (int)((ScalarValue)e.Properties["Failures"]).Value! > 1, "a line counts the failures held back since the last one");
    }

    private static async Task RequestManyAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var page = await client.GetAsync("/search?q=batik");
        }
    }

    private static List<LogEvent> OutageLines(MarketplaceApp app) =>
        app.Errors.Events.Where(e => e.MessageTemplate.Text == OutageLogThrottle.Template).ToList();

    private static string Component(LogEvent e) => (string)((ScalarValue)e.Properties["Component"]).Value!;
}
