using System.Text.RegularExpressions;
using MimeKit;

namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>The folder the site writes its e-mails to when no SMTP server is set, read the way a recipient would.</summary>
public sealed partial class TestOutbox : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "marketplace-outbox-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:OutboxDirectory"] = Folder,
        ["Email:PollMilliseconds"] = "100",
    };

    /// <summary>Waits until the outbox worker has written a message to <paramref name="to"/> that <paramref name="matches"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, Func<MimeMessage, bool>? matches = null) =>
        (await Eventually.WaitForAsync(() => FindAsync(to, matches), message => message is not null, $"an e-mail to {to}"))!;

    private async Task<MimeMessage?> FindAsync(string to, Func<MimeMessage, bool>? matches) =>
        (await AllToAsync(to)).FirstOrDefault(message => matches?.Invoke(message) ?? true);

    /// <summary>Every message the site has written to <paramref name="to"/> so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> AllToAsync(string to)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The path and query of the first link in the message, to be followed on the test server.</summary>
    public static string LinkIn(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = new Uri(Link().Match(message.TextBody ?? string.Empty).Value);
        return url.PathAndQuery;
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
