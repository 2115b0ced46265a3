using Marketplace.Web.Features.Common;
using Marketplace.Web.Features.Jobs;
using MimeKit;
using Npgsql;

namespace Marketplace.Web.Features.Email;

/// <summary>
/// Sends the outbox on whichever web node gets to a message first. Each message is a job held by the
/// <see cref="JobLeases">lease</see> every background job has: a node claims it with FOR UPDATE SKIP LOCKED, renews the lease
/// while the transport works and deletes the row once the message is handed over, so two nodes never send it at once, and
/// a node that dies mid-send leaves a lease that lapses within seconds, after which another node sends it. Delivery is
/// at least once: when the database is away at the moment a message was handed over, the node keeps that fact and deletes
/// the row as soon as the database answers, so only a node that dies between the hand-over and the delete has the message
/// sent again, with the same Message-ID for the mail server to recognise. A message that fails is tried again later with
/// a growing pause, a few times.
/// </summary>
internal sealed class EmailOutboxWorker(
    NpgsqlDataSource data, IEmailTransport transport, EmailSettings settings, JobLeases leases, TimeProvider clock, ILogger<EmailOutboxWorker> logger)
    : BackgroundService
{
    private const int MaxAttempts = 5;

    private const string Table = "outgoing_emails";

    private static readonly TimeSpan DepthInterval = TimeSpan.FromSeconds(10);

    /// <summary>How often a node that sent a message tries again to record it while the database is away.</summary>
    private static readonly TimeSpan RecordRetry = TimeSpan.FromMilliseconds(250);

    private DateTimeOffset _depthCountedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }

                await CountDepthAsync(stoppingToken);
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Reading the e-mail outbox failed; trying again later");
                await Task.Delay(poll, stoppingToken);
            }
        }
    }

    /// <summary>Claims the oldest due message and sends it while holding its lease.</summary>
    /// <returns>Whether there was a message to send.</returns>
    internal async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        if (await ClaimAsync(cancellationToken) is not { } email)
        {
            return false;
        }

        await leases.HoldWhileAsync(
            Table,
            "UPDATE outgoing_emails SET lease_expires_at = @until WHERE id = @id AND lease_expires_at IS NOT NULL",
            parameters => parameters.AddWithValue("id", email.Id),
            ct => SendAsync(email, ct),
            cancellationToken);
        return true;
    }

    /// <summary>Takes the oldest message that is due and not held by a live lease, counting the attempt; null when there is none.</summary>
    internal async Task<ClaimedEmail?> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var claim = data.CreateCommand("""
            UPDATE outgoing_emails SET lease_expires_at = @until, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM outgoing_emails
                WHERE next_attempt_at <= @now AND attempts < @max_attempts AND (lease_expires_at IS NULL OR lease_expires_at < @now)
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, to_address, subject, body, created_at
            """);
        claim.Parameters.AddWithValue("now", now);
        claim.Parameters.AddWithValue("until", now + leases.Lease);
        claim.Parameters.AddWithValue("max_attempts", MaxAttempts);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        MarketplaceMetrics.JobLeasesTaken.Add(1, MarketplaceMetrics.Job(Table));
        return new ClaimedEmail(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>
    /// Counts the messages still to be sent for the outbox depth gauge, at most once per <see cref="DepthInterval"/>: the
    /// gauge reads this count, so a scrape costs the database nothing.
    /// </summary>
    private async Task CountDepthAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _depthCountedAt < DepthInterval)
        {
            return;
        }

        await using var count = data.CreateCommand("SELECT count(*) FROM outgoing_emails WHERE attempts < @max_attempts");
        count.Parameters.AddWithValue("max_attempts", MaxAttempts);
        MarketplaceMetrics.OutboxDepthIs((long)(await count.ExecuteScalarAsync(cancellationToken))!);
        _depthCountedAt = now;
    }

    private async Task SendAsync(ClaimedEmail email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await transport.SendAsync(Message(email, now), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending e-mail {EmailId} failed; it is tried again later", email.Id);
            await using var failed = data.CreateCommand("""
                UPDATE outgoing_emails SET lease_expires_at = NULL, last_error = left(@error, @error_max),
                    next_attempt_at = @now + make_interval(mins => power(2, attempts)::int)
                WHERE id = @id
                """);
            failed.Parameters.AddWithValue("id", email.Id);
            failed.Parameters.AddWithValue("error", e.Message);
            failed.Parameters.AddWithValue("error_max", OutgoingEmail.ErrorMaxLength);
            failed.Parameters.AddWithValue("now", now);
            await failed.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await RecordSentAsync(email.Id, cancellationToken);
    }

    /// <summary>
    /// Deletes the sent message's row. While the database is away the fact stays with this node, which still holds the
    /// message's lease (its heartbeat goes on), and is written as soon as the database answers.
    /// </summary>
    private async Task RecordSentAsync(long id, CancellationToken cancellationToken)
    {
        for (var waited = false; ; waited = true)
        {
            try
            {
                await using var sent = data.CreateCommand("DELETE FROM outgoing_emails WHERE id = @id");
                sent.Parameters.AddWithValue("id", id);
                await sent.ExecuteNonQueryAsync(cancellationToken);
                if (waited)
                {
                    logger.LogInformation("E-mail {EmailId} recorded as sent now that the database answers", id);
                }

                return;
            }
            catch (NpgsqlException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!waited)
                {
                    logger.LogWarning("E-mail {EmailId} was sent while the database is away; it is recorded when the database returns", id);
                }

                await Task.Delay(RecordRetry, clock, cancellationToken);
            }
        }
    }

    /// <summary>The message as handed over; its Message-ID comes from the outbox row, so every attempt carries the same one.</summary>
    private MimeMessage Message(ClaimedEmail email, DateTimeOffset now)
    {
        var from = MailboxAddress.Parse(settings.From);
        var message = new MimeMessage { Subject = email.Subject, Date = now, Body = new TextPart("plain") { Text = email.Body } };
        message.MessageId = $"outbox-{email.Id}-{email.CreatedAt.ToUnixTimeMilliseconds()}@{from.Domain}";
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}

internal sealed record ClaimedEmail(long Id, string To, string Subject, string Body, DateTimeOffset CreatedAt);
