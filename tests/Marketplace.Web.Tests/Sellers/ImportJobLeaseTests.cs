using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Features.Sellers.Import;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// Import jobs held by a lease, on an injected clock: the worker polls only when the test moves the clock an hour on,
/// so the test claims jobs itself, as a worker that then dies would, and moves time past their leases. A job runs as the
/// upload's preview first and, once the seller confirms, as the import.
/// </summary>
public sealed class ImportJobLeaseTests(ImportJobLeaseTests.Fixture fixture) : IClassFixture<ImportJobLeaseTests.Fixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task A_job_whose_worker_died_is_taken_again_once_its_lease_lapses_and_not_before()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("LEASE-1,batik-tulis,Kain Batik Sewaan,,150000,2,,local", "LEASE-2,batik-tulis,Kain Batik Kedua,,150000,2,,local"));
        (await ImportAsync(importId)).TotalRows.Should().Be(2, "progress counts the file's rows from the first moment");

        (await ClaimAsync()).Should().Be(importId, "the first worker takes it, then dies");
        fixture.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await ClaimAsync()).Should().BeNull("the lease still holds");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        (await ClaimAsync()).Should().Be(importId, "the lease lapsed; the second worker dies as well");

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var previewed = await CsvUploads.PreviewedAsync(_portal, importId);
        (previewed.Status, previewed.Attempts).Should().Be((ListingImportStatus.PreviewReady, 3), "the third worker wrote the preview");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(0, "a preview writes no listing");

        var import = await CsvUploads.FinishedAsync(_portal, client, importId, Nudge);

        (import.Status, import.Attempts, import.CreatedCount).Should().Be((ListingImportStatus.Completed, 1, 2), "the confirmed import starts with fresh attempts");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(2);
    }

    [Fact]
    public async Task A_job_cut_off_on_every_attempt_ends_failed_with_a_message_and_runs_again_when_the_seller_tries_again()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("CAP-1,batik-tulis,Kain Batik Percobaan,,150000,2,,local"));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await ClaimAsync()).Should().Be(importId);
            fixture.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        (await ClaimAsync()).Should().BeNull("three attempts is the cap");
        (await LeasesAsync(l => l.FailExhaustedAsync(ListingImportWorker.Table, ListingImporter.AttemptsExhausted, CancellationToken.None))).Should().Be(1);
        var failed = await ImportAsync(importId);
        (failed.Status, failed.FailureKey).Should().Be((ListingImportStatus.Failed, ListingImporter.AttemptsExhausted));

        var detailsUrl = $"/Seller/Uploads/Details/{importId}";
        var page = await client.GetDocumentAsync(detailsUrl);
        page.QuerySelector("#import-status")!.TextContent.Should().Contain("terhenti 3 kali").And.Contain("tidak ada produk yang tersimpan");
        page.QuerySelector("#retry-import")!.TextContent.Should().Contain("Coba lagi");
        using (var retry = await SellerPortal.PostWithTokenAsync(client, detailsUrl, detailsUrl + "?handler=Retry", new Dictionary<string, string>()))
        {
            retry.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var import = await CsvUploads.FinishedAsync(_portal, client, importId, Nudge);
        (import.Status, import.CreatedCount).Should().Be((ListingImportStatus.Completed, 1));
        (await _portal.ListingCountAsync(sellerId)).Should().Be(1);
    }

    [Fact]
    public async Task A_worker_renews_its_lease_every_heartbeat_while_it_works()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("BEAT-1,batik-tulis,Kain Batik Berdetak,,150000,2,,local"));
        (await ClaimAsync()).Should().Be(importId);
        var working = new TaskCompletionSource();
        var held = LeasesAsync(l => l.HoldWhileAsync(ListingImportWorker.Table, importId, _ => working.Task, CancellationToken.None));

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var renewedUntil = fixture.Clock.GetUtcNow() + Lease;
        // PostgreSQL keeps microseconds; the clock counts in ticks of 100 ns.
        await Eventually.WaitForAsync(
            () => ImportAsync(importId),
            import => import.LeaseExpiresAt is { } until && (renewedUntil - until).Duration() <= TimeSpan.FromMilliseconds(1),
            "the heartbeat to renew the lease");

        working.SetResult();
        await held;
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        (await CsvUploads.FinishedAsync(_portal, client, importId, Nudge)).Status.Should().Be(ListingImportStatus.Completed);
    }

    [Fact]
    public async Task A_worker_whose_database_connection_broke_takes_its_job_back_at_once_but_not_after_another_node_claimed_it()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("BACK-1,batik-tulis,Kain Batik Kembali,,150000,2,,local"));
        var cutOff = await LeasesAsync(l => l.ClaimJobAsync(ListingImportWorker.Table, CancellationToken.None));
        cutOff!.Id.Should().Be(importId);

        var back = await ReclaimAsync(cutOff);
        var stale = await ReclaimAsync(cutOff);
        fixture.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var other = await LeasesAsync(l => l.ClaimJobAsync(ListingImportWorker.Table, CancellationToken.None));
        var afterOther = await ReclaimAsync(back!);

        back.Should().Be(new ClaimedJob(importId, cutOff.Attempt + 1), "the database answered: no wait for the lease to lapse");
        stale.Should().BeNull("that attempt is no longer the job's");
        other.Should().Be(new ClaimedJob(importId, cutOff.Attempt + 2), "a node that never came back leaves a lease that lapses");
        afterOther.Should().BeNull("another node claimed the job since");
        fixture.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await LeasesAsync(l => l.FailExhaustedAsync(ListingImportWorker.Table, ListingImporter.AttemptsExhausted, CancellationToken.None));
        (await ImportAsync(importId)).Status.Should().Be(ListingImportStatus.Failed, "that node died too, on the last attempt");
    }

    [Fact]
    public async Task A_seller_reads_that_the_import_waits_for_the_database_when_its_worker_lost_it_not_a_progress_bar_standing_still()
    {
        var (_, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var importId = await CsvUploads.UploadAsync(client, CsvUploads.File("WAIT-1,batik-tulis,Kain Batik Menunggu,,150000,2,,local"));
        var detailsUrl = $"/Seller/Uploads/Details/{importId}";
        (await ClaimAsync()).Should().Be(importId);
        var working = await client.GetDocumentAsync(detailsUrl);

        fixture.Clock.Advance(TimeSpan.FromSeconds(11));
        var waiting = await client.GetDocumentAsync(detailsUrl);

        working.QuerySelector("#waiting-for-database").Should().BeNull("the lease was just renewed");
        working.QuerySelector("progress.import-progress").Should().NotBeNull();
        waiting.QuerySelector("#waiting-for-database")!.TextContent.Should().Contain("Menunggu database");
        waiting.QuerySelector("progress.import-progress").Should().BeNull();
        waiting.QuerySelector("meta[http-equiv=refresh]").Should().NotBeNull("the page keeps looking until the import goes on");
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        (await CsvUploads.PreviewedAsync(_portal, importId)).Status.Should().Be(ListingImportStatus.PreviewReady, "another worker takes the job once its lease lapsed");
    }

    /// <summary>Wakes the worker, which polls an hour apart on the test's clock, to run the confirmed import.</summary>
    private void Nudge() => fixture.Clock.Advance(TimeSpan.FromHours(1));

    private Task<ListingImport> ImportAsync(long id) =>
        _portal.Scenario.WithDbAsync(db => db.ListingImports.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<ClaimedJob?> ReclaimAsync(ClaimedJob job) => LeasesAsync(l => l.ReclaimAsync(ListingImportWorker.Table, job, CancellationToken.None));

    private Task<long?> ClaimAsync() => LeasesAsync(l => l.ClaimAsync(ListingImportWorker.Table, CancellationToken.None));

    private async Task<T> LeasesAsync<T>(Func<JobLeases, Task<T>> work) => await work(fixture.App.Services.GetRequiredService<JobLeases>());

    private async Task LeasesAsync(Func<JobLeases, Task> work) => await work(fixture.App.Services.GetRequiredService<JobLeases>());

    public sealed class Fixture : SellerPortalFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Imports:PollMilliseconds"] = "3600000",
            ["Jobs:LeaseSeconds"] = "15",
            ["Jobs:HeartbeatSeconds"] = "5",
            ["Jobs:MaxAttempts"] = "3",
        };
    }
}
