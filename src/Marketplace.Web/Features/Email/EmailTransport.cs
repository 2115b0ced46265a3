using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Marketplace.Web.Features.Email;

/// <summary>Where a message goes once it leaves the outbox: an SMTP server, or a folder of .eml files.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class EmailSettings
{
    public string From { get; set; } = "Pasar UMKM <no-reply@pasar-umkm.id>";

    /// <summary>Where .eml files go when no SMTP host is set, relative to the content root.</summary>
    public string OutboxDirectory { get; set; } = ".data/outbox";

    public int PollMilliseconds { get; set; } = 2000;

    /// <summary>Whether this node runs the outbox worker; nodes that should never talk to the mail server set it false.</summary>
    public bool SendOnThisNode { get; set; } = true;

    public SmtpSettings Smtp { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? User { get; set; }

        public string? Password { get; set; }
    }
}

/// <summary>Sends through MailKit, one connection per batch of the outbox.</summary>
internal sealed class SmtpEmailTransport(EmailSettings settings) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.User))
        {
            await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Development and tests: each message becomes an .eml file that the Development-only outbox page lists.</summary>
internal sealed class PickupFolderEmailTransport(PickupFolder folder) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = System.IO.Path.Combine(folder.Path, name + ".tmp");

        // Written aside and renamed, so a reader never sees half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, System.IO.Path.Combine(folder.Path, name));
    }
}
