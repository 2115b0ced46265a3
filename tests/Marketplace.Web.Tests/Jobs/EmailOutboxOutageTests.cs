using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Features.Jobs;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Npgsql;

namespace Marketplace.Web.Tests.Jobs;

/// <summary>
/// The outbox when the database goes away between handing a message to the mail server and recording it: the node keeps
/// the fact and writes it once the database answers, while its lease still keeps other nodes off, so the message goes once.
/// The database "dies" by a cut relay in front of the suite's server (see <see cref="CuttableProxy"/>). The site's own worker
/// is off, so only the workers a test makes can claim its messages.
/// </summary>
public sealed class EmailOutboxOutageTests(EmailOutboxOutageTests.Fixture fixture) : IClassFixture<EmailOutboxOutageTests.Fixture>
{
    [Fact]
    public async Task A_message_sent_just_before_the_database_went_away_is_recorded_when_it_returns_and_sent_once()
    {
        using var outbox = new TestOutbox();
        var to = $"putus-{Guid.NewGuid():N}@contoh.id";
        var id = await EnqueueAsync(to);
        var target = new NpgsqlConnectionStringBuilder(fixture.App.ConnectionString);
        await using var proxy = new CuttableProxy(target.Host!, target.Port);
        await using var throughProxy = NpgsqlDataSource.Create(proxy.Through(fixture.App.ConnectionString));
        var cutting = new DatabaseDiesAfterSending(new PickupFolderEmailTransport(new PickupFolder(outbox.Folder)), proxy);
        var dying = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(fixture.App.Services, throughProxy, Node(throughProxy), cutting);
        var survivor = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(fixture.App.Services, Node(Database), (IEmailTransport)new PickupFolderEmailTransport(new PickupFolder(outbox.Folder)));

        var sending = dying.SendNextAsync(CancellationToken.None);
        await outbox.WaitForAsync(to);
        (await RowExistsAsync(id)).Should().BeTrue("the database was away when the message went out");
        (await survivor.SendNextAsync(CancellationToken.None)).Should().BeFalse("the sending node's lease still holds the message");
        proxy.Restore();
        await Eventually.WaitForAsync(
            async () =>
            {
                fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
                return await RowExistsAsync(id);
            },
            exists => !exists || sending.IsCompleted,
            "the sent message recorded once the database answers");

        (await sending).Should().BeTrue();
        (await survivor.SendNextAsync(CancellationToken.None)).Should().BeFalse("nothing is left to send");
        (await outbox.AllToAsync(to)).Should().ContainSingle("the message went out once");
    }

    [Fact]
    public async Task A_message_keeps_its_message_id_when_it_is_tried_again_after_a_failure()
    {
        using var outbox = new TestOutbox();
        var to = $"ulang-{Guid.NewGuid():N}@contoh.id";
        await EnqueueAsync(to);
        var flaky = new FailsFirst(to, new PickupFolderEmailTransport(new PickupFolder(outbox.Folder)));
        var worker = ActivatorUtilities.CreateInstance<EmailOutboxWorker>(fixture.App.Services, Node(Database), (IEmailTransport)flaky);

        await SendAllDueAsync(worker);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        await SendAllDueAsync(worker);

        var delivered = (await outbox.WaitForAsync(to)).MessageId;
        flaky.MessageIds.Should().HaveCount(2).And.OnlyContain(messageId => messageId == delivered, "a mail server dedupes a retry by its Message-ID");
        delivered.Should().NotBeNullOrEmpty();
    }

    private static async Task SendAllDueAsync(EmailOutboxWorker worker)
    {
        while (await worker.SendNextAsync(CancellationToken.None))
        {
        }
    }

    private NpgsqlDataSource Database => fixture.App.Services.GetRequiredService<NpgsqlDataSource>();

    private JobLeases Node(NpgsqlDataSource data) => new(data, fixture.Clock, fixture.App.Services.GetRequiredService<IConfiguration>());

    private async Task<long> EnqueueAsync(string to)
    {
        await using var db = fixture.App.Services.CreateScope().ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        var email = new OutgoingEmail(to, "Uji putus", "Isi pesan", fixture.Clock.GetUtcNow());
        db.OutgoingEmails.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    private async Task<bool> RowExistsAsync(long id)
    {
        await using var command = Database.CreateCommand("SELECT count(*) FROM outgoing_emails WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The mail server takes the message, and at that moment the database goes away.</summary>
    private sealed class DatabaseDiesAfterSending(IEmailTransport server, CuttableProxy database) : IEmailTransport
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await server.SendAsync(message, cancellationToken);
            database.Cut();
        }
    }

    /// <summary>A mail server that refuses the first message to <paramref name="to"/> and takes the rest, keeping the Message-ID of each offered for <paramref name="to"/>.</summary>
    private sealed class FailsFirst(string to, IEmailTransport server) : IEmailTransport
    {
        public List<string> MessageIds { get; } = [];

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                MessageIds.Add(message.MessageId ?? string.Empty);
            }

            if (MessageIds.Count == 1 && message.To.Mailboxes.Any(m => m.Address == to))
            {
                throw new IOException("421 Service not available, try again later");
            }

            await server.SendAsync(message, cancellationToken);
        }
    }

    public sealed class Fixture : AppFixture
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override TimeProvider? OwnClock => Clock;

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:SendOnThisNode"] = "false",
            ["Jobs:LeaseSeconds"] = "15",
            ["Jobs:HeartbeatSeconds"] = "5",
        };
    }
}
