using System.Globalization;
using Marketplace.Domain;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Ledger;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Web.Tests.Browser;

/// <summary>The walks' site holding the demo data, seeded as the site seeds an empty database on its first start.</summary>
public sealed class DemoWalkFixture : WalkFixture
{
    protected override async Task SeedAsync(MarketplaceApp app)
    {
        using (var scope = app.Services.CreateScope())
        {
            await DemoDataSeeder.SeedIfEmptyAsync(scope.ServiceProvider, 2021, DemoDataSeeder.DefaultPassword);
        }

        await base.SeedAsync(app);
    }
}

/// <summary>
/// The figure the money issue asks for: the demo data in a fresh database, both money walks run on it in the browser at
/// 390 px, then the admins' daily reconciliation (the same CSV as /Admin/Reconciliation) of every day with entries,
/// written to TestResults/demo-reconciliation.csv. A report, not a check of the default suite (Suite=Report): run it with
/// <c>bash tests/reports/demo-reconciliation.sh</c>.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Suite", "Report")]
public sealed class DemoReconciliationReport(DemoWalkFixture fixture, ITestOutputHelper output) : IClassFixture<DemoWalkFixture>
{
    [Fact]
    public async Task After_both_walks_on_the_demo_data_every_day_of_the_reconciliation_balances()
    {
        await new Walk(fixture, "demo-loop").BuyShipAndPayOutAsync();
        await new Walk(fixture, "demo-complaint").ComplainAndRefundAsync();

        using var scope = fixture.App.Services.CreateScope();
        var first = await scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().LedgerTransactions.MinAsync(t => t.At);
        var days = await scope.ServiceProvider.GetRequiredService<Reconciliation>()
            .DaysAsync(Wib.DayOf(first), Wib.DayOf(fixture.Clock.GetUtcNow()), CancellationToken.None);
        var csv = Reconciliation.Csv(days);
        var results = Directory.CreateDirectory(Path.Combine(RepositoryFolder.Root, "TestResults"));
        await File.WriteAllTextAsync(Path.Combine(results.FullName, "demo-reconciliation.csv"), csv);
        output.WriteLine(csv);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{days.Count} days, difference {days.Sum(d => d.Difference)}"));
        days.Should().NotBeEmpty().And.OnlyContain(d => d.Difference == 0, "every day of the demo data after the walks balances");
    }
}
