namespace Marketplace.Web.Features.Email;

/// <summary>
/// One e-mail waiting to go out. Written in the transaction of the change it reports (an order, a registration), so the
/// mail exists exactly when the change does, and sent afterwards by <see cref="EmailOutboxWorker"/> outside that transaction.
/// A row is deleted once the message is handed to the transport, so links with tokens do not stay at rest.
/// </summary>
public sealed class OutgoingEmail
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    private OutgoingEmail()
    {
        ToAddress = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public OutgoingEmail(string toAddress, string subject, string body, DateTimeOffset createdAt)
        : this()
    {
        ToAddress = toAddress;
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public string ToAddress { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Plain text in the recipient's language.</summary>
    public string Body { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>Set while a node sends the message: until then no other node takes it (see <see cref="EmailOutboxWorker"/>).</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>How many times a node took the message to send it.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }
}
