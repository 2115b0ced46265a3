using System.Net;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Hosting;

/// <summary>Several web nodes share one database: they start together and read each other's cookies.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Two_nodes_started_together_on_an_empty_database_both_come_up_healthy()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync("twostarts");
        await using var first = new MarketplaceApp(database);
        await using var second = new MarketplaceApp(database);

        // Each start migrates and loads reference data under the advisory lock; the later one finds the work done.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        foreach (var node in new[] { first, second })
        {
            using var health = await node.CreateClient().GetAsync("/health");
            health.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await first.CreateClient().GetStringAsync("/")).Should().Contain("Tekstil");
    }

    [Fact]
    public async Task A_payload_protected_by_one_node_is_read_by_another_through_the_keys_in_the_database()
    {
        var database = await TestPostgres.CreateDatabaseAsync("dataprotection");
        await using var first = new MarketplaceApp(database);
        await using var second = new MarketplaceApp(database);

        var token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sesi pembeli");

        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token).Should().Be("sesi pembeli");
    }
}
