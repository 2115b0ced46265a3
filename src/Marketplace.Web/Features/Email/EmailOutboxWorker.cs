using MimeKit;
using Npgsql;

namespace Marketplace.Web.Features.Email;

/// <summary>
/// Sends the outbox on whichever web node gets to a message first: a batch is claimed with FOR UPDATE SKIP LOCKED and held
/// while it is sent, so two nodes never send the same message. A message that fails is tried again later, a few times.
/// </summary>
internal sealed class EmailOutboxWorker(
    NpgsqlDataSource data, IEmailTransport transport, EmailSettings settings, TimeProvider clock, ILogger<EmailOutboxWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendBatchAsync(stoppingToken) == BatchSize)
                {
                }

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

    /// <returns>How many messages the batch held.</returns>
    internal async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await data.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var batch = new List<(long Id, string To, string Subject, string Body)>();
        await using (var claim = new NpgsqlCommand(
            """
            SELECT id, to_address, subject, body FROM outgoing_emails
            WHERE next_attempt_at <= @now AND attempts < @max_attempts
            ORDER BY id
            LIMIT @batch
            FOR UPDATE SKIP LOCKED
            """,
            connection,
            transaction))
        {
            claim.Parameters.AddWithValue("now", now);
            claim.Parameters.AddWithValue("max_attempts", MaxAttempts);
            claim.Parameters.AddWithValue("batch", BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var email in batch)
        {
            try
            {
                await transport.SendAsync(Message(email.To, email.Subject, email.Body, now), cancellationToken);
                await using var sent = new NpgsqlCommand("DELETE FROM outgoing_emails WHERE id = @id", connection, transaction);
                sent.Parameters.AddWithValue("id", email.Id);
                await sent.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not NpgsqlException)
            {
                logger.LogWarning(e, "Sending e-mail {EmailId} failed; it is tried again later", email.Id);
                await using var failed = new NpgsqlCommand(
                    """
                    UPDATE outgoing_emails SET attempts = attempts + 1, last_error = left(@error, @error_max),
                        next_attempt_at = @now + make_interval(mins => power(2, attempts)::int)
                    WHERE id = @id
                    """,
                    connection,
                    transaction);
                failed.Parameters.AddWithValue("id", email.Id);
                failed.Parameters.AddWithValue("error", e.Message);
                failed.Parameters.AddWithValue("error_max", OutgoingEmail.ErrorMaxLength);
                failed.Parameters.AddWithValue("now", now);
                await failed.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private MimeMessage Message(string to, string subject, string body, DateTimeOffset now)
    {
        var message = new MimeMessage { Subject = subject, Date = now, Body = new TextPart("plain") { Text = body } };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
