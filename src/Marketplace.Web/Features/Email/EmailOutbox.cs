using Marketplace.Web.Data;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Email;

/// <summary>Queues e-mails in the recipient's language; the caller's SaveChanges (and transaction) makes them real.</summary>
public sealed class EmailOutbox(MarketplaceDbContext db, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    /// <param name="language">The recipient's preferred language, "id" or "en".</param>
    /// <param name="key">The resource keys <c>{key}.Subject</c> and <c>{key}.Body</c>, formatted with <paramref name="arguments"/>.</param>
    public void Add(string toAddress, string language, string key, params object[] arguments)
    {
        var (subject, body) = Languages.For(language, () => (text[key + ".Subject", arguments].Value, text[key + ".Body", arguments].Value));
        AddWritten(toAddress, subject, body);
    }

    /// <summary>Queues a message already written in the recipient's language.</summary>
    public void AddWritten(string toAddress, string subject, string body) => db.Add(new OutgoingEmail(toAddress, subject, body, clock.GetUtcNow()));

    /// <summary>Queues one e-mail and saves it at once, for callers with nothing else to save.</summary>
    public async Task SendAsync(string toAddress, string language, string key, CancellationToken cancellationToken, params object[] arguments)
    {
        Add(toAddress, language, key, arguments);
        await db.SaveChangesAsync(cancellationToken);
    }
}
