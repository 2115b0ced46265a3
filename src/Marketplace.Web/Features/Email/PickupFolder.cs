using MimeKit;

namespace Marketplace.Web.Features.Email;

public sealed record PickedUpEmail(string Name, string To, string Subject, DateTimeOffset Date, string Body);

/// <summary>The folder of .eml files written when no SMTP server is configured, read back for the Development outbox page.</summary>
public sealed class PickupFolder(string path)
{
    public const int Shown = 100;

    public string Path { get; } = path;

    public async Task<IReadOnlyList<PickedUpEmail>> ReadNewestAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var emails = new List<PickedUpEmail>();
        foreach (var file in new DirectoryInfo(Path).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(Shown))
        {
            using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            emails.Add(new PickedUpEmail(file.Name, message.To.ToString(), message.Subject ?? string.Empty, message.Date, message.TextBody ?? string.Empty));
        }

        return emails;
    }
}
