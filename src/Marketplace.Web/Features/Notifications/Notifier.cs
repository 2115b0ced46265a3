using Marketplace.Domain.Notifications;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Email;
using Marketplace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Features.Notifications;

/// <summary>Who is told: the user whose inbox gets the item, the address the mail goes to, and the language both are written in.</summary>
public sealed record Recipient(string UserId, string? Email, string Language);

/// <summary>
/// The one way the site tells a user that something happened: an item in the user's inbox and the e-mail that says the same,
/// both written in the recipient's language and added to the caller's unit of work, so the caller's SaveChanges (inside its
/// transaction) makes both real with the change they report, or neither. The outbox worker sends the mail after the commit.
/// </summary>
public sealed class Notifier(MarketplaceDbContext db, EmailOutbox outbox, IStringLocalizer<SharedResource> text, SiteLinks links, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, Recipient>> RecipientsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new Recipient(u.Id, u.Email, u.PreferredLanguage))
            .ToDictionaryAsync(r => r.UserId, cancellationToken);

    /// <summary>
    /// Writes the resource <c>Email.{kind}</c> (or <c>Email.{kind}.{variant}</c>): its <c>.Subject</c> is the item's title and
    /// the mail's subject, its <c>.Body</c> the item's text and the mail's, which ends with the absolute form of <paramref name="link"/>.
    /// Arguments that are <see cref="IFormattable"/> (dates, numbers) are formatted the recipient's way.
    /// </summary>
    /// <param name="link">A path inside the site the item opens, or null.</param>
    public void Tell(Recipient recipient, NotificationKind kind, string? link, object[] arguments, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var key = variant is null ? $"Email.{kind}" : $"Email.{kind}.{variant}";
        var (title, body, open) = Languages.For(recipient.Language, () => (
            text[key + ".Subject", arguments].Value,
            text[key + ".Body", arguments].Value,
            link is null ? null : text["Email.OpenLink", links.Absolute(link)].Value));
        db.Notifications.Add(new Notification(recipient.UserId, kind, title, body, link, clock.GetUtcNow()));
        if (!string.IsNullOrEmpty(recipient.Email))
        {
            outbox.AddWritten(recipient.Email, title, open is null ? body : body + Environment.NewLine + Environment.NewLine + open);
        }
    }
}
