using Marketplace.Web.Features.Email;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>
/// The e-mails of the account pages, each in the recipient's language, with links that carry Identity's tokens. Every one
/// a visitor can ask for is limited per recipient and per client address (<see cref="MailThrottle"/>); past the limit
/// nothing is sent and the page answers as if it had been.
/// </summary>
public sealed class AccountEmails(UserManager<ApplicationUser> users, EmailOutbox outbox, LinkGenerator links, SiteLinks site, MailThrottle throttle)
{
    public async Task SendConfirmationAsync(HttpContext http, ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!await throttle.TryTakeAsync(user.Email!, ClientAddress.Of(http), cancellationToken))
        {
            return;
        }

        var code = AccountLinkCode.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link("/Account/ConfirmEmail", new { userId = user.Id, code });
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.Confirm", cancellationToken, user.DisplayName, link);
    }

    /// <summary>Someone registered with an address that already has an account: the owner hears of it, the visitor sees a success.</summary>
    public async Task SendAlreadyRegisteredAsync(HttpContext http, ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!await throttle.TryTakeAsync(user.Email!, ClientAddress.Of(http), cancellationToken))
        {
            return;
        }

        var login = Link("/Account/Login", null);
        var reset = Link("/Account/ForgotPassword", null);
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.AlreadyRegistered", cancellationToken, user.DisplayName, login, reset);
    }

    /// <summary>Known and unknown addresses alike get one e-mail (within the limits), so the page answers the same for both.</summary>
    public async Task RequestPasswordResetAsync(HttpContext http, string email, string language, CancellationToken cancellationToken)
    {
        if (!await throttle.TryTakeAsync(email, ClientAddress.Of(http), cancellationToken))
        {
            return;
        }

        if (await users.FindByEmailAsync(email) is { } user)
        {
            await SendPasswordResetAsync(user, cancellationToken);
        }
        else
        {
            await outbox.SendAsync(email, language, "Email.NoAccount", cancellationToken, Link("/Account/Register", null));
        }
    }

    /// <summary>A reset link, sent by the site itself (the owner said "this was not me"), so not counted against a visitor.</summary>
    public async Task SendPasswordResetAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = AccountLinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link("/Account/ResetPassword", new { code });
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.ResetPassword", cancellationToken, user.DisplayName, link);
    }

    public async Task SendEmailChangeAsync(HttpContext http, ApplicationUser user, string newEmail, CancellationToken cancellationToken)
    {
        if (!await throttle.TryTakeAsync(newEmail, ClientAddress.Of(http), cancellationToken))
        {
            return;
        }

        var code = AccountLinkCode.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = Link("/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await outbox.SendAsync(newEmail, user.PreferredLanguage, "Email.ChangeEmail", cancellationToken, user.DisplayName, link);
    }

    /// <summary>An absolute link to the page, on the site's own address (never the request's Host header).</summary>
    private string Link(string page, object? values) =>
        site.Absolute(links.GetPathByPage(page, values: values) ?? throw new InvalidOperationException($"No route to {page}."));
}
