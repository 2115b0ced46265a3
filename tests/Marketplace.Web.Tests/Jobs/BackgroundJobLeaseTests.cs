using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Marketplace.Web.Tests.Jobs;

/// <summary>
/// The lease that holds every background job besides the CSV imports, with two or three "nodes" (each its own
/// <see cref="JobLeases"/>, as each web process has) on one database and an injected clock. A node that dies is one that
/// took a lease and then does nothing more: it neither renews nor releases it.
/// </summary>
public sealed class BackgroundJobLeaseTests(BackgroundJobLeaseTests.Fixture fixture) : IClassFixture<BackgroundJobLeaseTests.Fixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_periodic_job_runs_on_one_node_at_a_time_and_a_dead_nodes_run_is_taken_over_once_its_lease_lapses()
    {
        var job = "test-" + Guid.NewGuid().ToString("N");
        var (dying, second, third) = (Node(), Node(), Node());
        var runs = 0;
        Task Work(CancellationToken _)
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }

        await TakeAndDieAsync(dying, job);
        (await second.RunPeriodicAsync(job, Interval, Work, CancellationToken.None)).Should().BeFalse("the dead node's lease still holds");
        fixture.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await second.RunPeriodicAsync(job, Interval, Work, CancellationToken.None)).Should().BeFalse("the dead node's lease still holds");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        var concurrent = await Task.WhenAll(second.RunPeriodicAsync(job, Interval, Work, CancellationToken.None), third.RunPeriodicAsync(job, Interval, Work, CancellationToken.None));

        concurrent.Should().ContainSingle(ran => ran, "the lapsed lease is taken by exactly one of the nodes that look");
        runs.Should().Be(1);
        (await third.RunPeriodicAsync(job, Interval, Work, CancellationToken.None)).Should().BeFalse("the job ran; the next run is an interval away");
        fixture.Clock.Advance(Interval);
        (await third.RunPeriodicAsync(job, Interval, Work, CancellationToken.None)).Should().BeTrue();
        runs.Should().Be(2);
    }

    [Fact]
    public async Task A_periodic_run_that_fails_is_due_again_at_the_next_heartbeat_not_an_interval_later()
    {
        var job = "test-" + Guid.NewGuid().ToString("N");
        var node = Node();
        var runs = 0;
        Task Failing(CancellationToken _)
        {
            Interlocked.Increment(ref runs);
            throw new InvalidOperationException("The work failed.");
        }

        var failed = () => node.RunPeriodicAsync(job, Interval, Failing, CancellationToken.None);
        await failed.Should().ThrowAsync<InvalidOperationException>();
        (await node.RunPeriodicAsync(job, Interval, _ => Task.CompletedTask, CancellationToken.None)).Should().BeFalse("a retry waits for the heartbeat");
        fixture.Clock.Advance(node.Heartbeat);
        (await node.RunPeriodicAsync(job, Interval, _ => Task.CompletedTask, CancellationToken.None)).Should().BeTrue("the failed run is tried again a heartbeat later");
        (await node.RunPeriodicAsync(job, Interval, _ => Task.CompletedTask, CancellationToken.None)).Should().BeFalse("after a run that worked, the next is an interval away");
        runs.Should().Be(1);
    }

    [Fact]
    public void Every_sweeper_the_site_runs_is_held_by_the_shared_lease()
    {
        var sweepers = fixture.App.Services.GetServices<IHostedService>().Where(s => s.GetType().Name.EndsWith("Sweeper", StringComparison.Ordinal)).ToList();

        sweepers.Select(s => s.GetType().Name).Should().Contain(["ScheduledBlockSweeper", "ShopClosureSweeper", "UnpaidOrderSweeper"]);
        sweepers.Should().OnlyContain(s => s is PeriodicJob, "a sweep runs on one node at a time and another takes over when that node dies");
    }

    [Fact]
    public async Task A_periodic_job_that_runs_long_renews_its_lease_so_no_other_node_starts_it()
    {
        var job = "test-" + Guid.NewGuid().ToString("N");
        var (working, other) = (Node(), Node());
        var (started, finish) = (new TaskCompletionSource(), new TaskCompletionSource());
        Task Work(CancellationToken _)
        {
            started.TrySetResult();
            return finish.Task;
        }

        var run = working.RunPeriodicAsync(job, Interval, Work, CancellationToken.None);
        await Eventually.WaitForAsync(() => HolderAsync(job), holder => holder == working.Node, "the lease to be taken");
        // The heartbeat's first wait is on the fake clock once the work has started; advancing before that, while the lease is
        // already taken, would leave the wait due at a time the test never reaches.
        await started.Task;
        var takenUntil = await LeaseExpiresAtAsync(job);

        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.WaitForAsync(() => LeaseExpiresAtAsync(job), until => until > takenUntil, "the heartbeat to renew the lease");
        fixture.Clock.Advance(TimeSpan.FromSeconds(11));

        (await other.RunPeriodicAsync(job, Interval, _ => Task.CompletedTask, CancellationToken.None)).Should().BeFalse("the first lease would have lapsed, the renewed one holds");
        finish.SetResult();
        (await run).Should().BeTrue();
        (await LeaseExpiresAtAsync(job)).Should().BeNull("the lease is released when the run ends");
    }

    [Fact]
    public async Task Two_nodes_sending_the_outbox_together_send_each_message_once()
    {
        using var outbox = new TestOutbox();
        var recipients = Enumerable.Range(1, 12).Select(i => $"sekali-{i}-{Guid.NewGuid():N}@contoh.id").ToList();
        await EnqueueAsync(recipients);
        var (first, second) = (Worker(Node(), outbox), Worker(Node(), outbox));

        await Task.WhenAll(SendAllAsync(first), SendAllAsync(second));

        var sent = Directory.GetFiles(outbox.Folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).ToList();
        sent.Where(recipients.Contains).Should().BeEquivalentTo(recipients, "each message exactly once");
    }

    [Fact]
    public async Task A_message_claimed_by_a_node_that_died_is_sent_by_another_once_its_lease_lapses_and_not_before()
    {
        using var outbox = new TestOutbox();
        var to = $"tertunda-{Guid.NewGuid():N}@contoh.id";
        var id = (await EnqueueAsync([to])).Single();
        var (dying, survivor) = (Worker(Node(), outbox), Worker(Node(), outbox));
        while (await dying.ClaimAsync(CancellationToken.None) is { } claimed && claimed.Id != id)
        {
            // Messages other tests of the class left are claimed by the dying node too.
        }

        (await survivor.SendNextAsync(CancellationToken.None)).Should().BeFalse("the dying node holds the message");
        fixture.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await survivor.SendNextAsync(CancellationToken.None)).Should().BeFalse("its lease still holds");
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        (await survivor.SendNextAsync(CancellationToken.None)).Should().BeTrue();

        await outbox.WaitForAsync(to);
        (await AttemptsLeftAsync(id)).Should().BeNull("a sent message leaves the outbox");
    }

    private JobLeases Node() =>
        new(fixture.App.Services.GetRequiredService<NpgsqlDataSource>(), fixture.Clock, fixture.App.Services.GetRequiredService<IConfiguration>());

    private EmailOutboxWorker Worker(JobLeases node, TestOutbox outbox) =>
        ActivatorUtilities.CreateInstance<EmailOutboxWorker>(fixture.App.Services, node, new PickupFolderEmailTransport(new PickupFolder(outbox.Folder)));

    private static async Task SendAllAsync(EmailOutboxWorker worker)
    {
        while (await worker.SendNextAsync(CancellationToken.None))
        {
        }
    }

    /// <summary>
    /// What a node that dies right after taking the job leaves behind: the lease, and nothing else. Its heartbeat is stopped
    /// and its work never ends, so it neither renews nor releases.
    /// </summary>
    private async Task TakeAndDieAsync(JobLeases node, string job)
    {
        using var heartbeat = new CancellationTokenSource();
        _ = node.RunPeriodicAsync(job, Interval, _ => new TaskCompletionSource().Task, heartbeat.Token);
        await Eventually.WaitForAsync(() => HolderAsync(job), holder => holder == node.Node, "the first node to take the lease");
        await heartbeat.CancelAsync();
    }

    private async Task<IReadOnlyList<long>> EnqueueAsync(IReadOnlyList<string> recipients)
    {
        await using var db = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var emails = recipients.Select(to => new OutgoingEmail(to, "Uji sewa", "Isi pesan", fixture.Clock.GetUtcNow())).ToList();
        db.OutgoingEmails.AddRange(emails);
        await db.SaveChangesAsync();
        return emails.Select(e => e.Id).ToList();
    }

    private Task<DateTimeOffset?> LeaseExpiresAtAsync(string job) => ScalarAsync<DateTimeOffset?>("SELECT lease_expires_at FROM job_leases WHERE name = @p", job);

    private Task<string?> HolderAsync(string job) => ScalarAsync<string?>("SELECT holder FROM job_leases WHERE name = @p AND lease_expires_at IS NOT NULL", job);

    private Task<int?> AttemptsLeftAsync(long id) => ScalarAsync<int?>("SELECT attempts FROM outgoing_emails WHERE id = @p", id);

    private async Task<T> ScalarAsync<T>(string sql, object parameter)
    {
        await using var command = fixture.App.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.AddWithValue("p", parameter);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? reader.GetFieldValue<T>(0) : default!;
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:PollMilliseconds"] = "3600000",
            ["Jobs:LeaseSeconds"] = "15",
            ["Jobs:HeartbeatSeconds"] = "5",
        };
    }
}
