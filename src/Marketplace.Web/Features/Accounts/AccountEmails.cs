using Marketplace.Web.Features.Email;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Features.Accounts;

/// <summary>The e-mails of the account pages, each in the recipient's language, with links that carry Identity's tokens.</summary>
public sealed class AccountEmails(UserManager<ApplicationUser> users, EmailOutbox outbox, LinkGenerator links, SiteLinks site)
{
    public async Task SendConfirmationAsync(HttpContext http, ApplicationUser user, CancellationToken cancellationToken)
    {
        var code = AccountLinkCode.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = Link(http, "/Account/ConfirmEmail", new { userId = user.Id, code });
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.Confirm", cancellationToken, user.DisplayName, link);
    }

    /// <summary>Someone registered with an address that already has an account: the owner hears of it, the visitor sees a success.</summary>
    public async Task SendAlreadyRegisteredAsync(HttpContext http, ApplicationUser user, CancellationToken cancellationToken)
    {
        var login = Link(http, "/Account/Login", null);
        var reset = Link(http, "/Account/ForgotPassword", null);
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.AlreadyRegistered", cancellationToken, user.DisplayName, login, reset);
    }

    /// <summary>Known and unknown addresses alike get one e-mail, so the page answers the same for both.</summary>
    public async Task RequestPasswordResetAsync(HttpContext http, string email, string language, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await SendPasswordResetAsync(http, user, cancellationToken);
        }
        else
        {
            await outbox.SendAsync(email, language, "Email.NoAccount", cancellationToken, Link(http, "/Account/Register", null));
        }
    }

    private async Task SendPasswordResetAsync(HttpContext http, ApplicationUser user, CancellationToken cancellationToken)
    {
        var code = AccountLinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = Link(http, "/Account/ResetPassword", new { code });
        await outbox.SendAsync(user.Email!, user.PreferredLanguage, "Email.ResetPassword", cancellationToken, user.DisplayName, link);
    }

    public async Task SendEmailChangeAsync(HttpContext http, ApplicationUser user, string newEmail, CancellationToken cancellationToken)
    {
        var code = AccountLinkCode.Encode(await users.GenerateChangeEmailTokenAsync(user, newEmail));
        var link = Link(http, "/Account/ConfirmEmailChange", new { userId = user.Id, email = newEmail, code });
        await outbox.SendAsync(newEmail, user.PreferredLanguage, "Email.ChangeEmail", cancellationToken, user.DisplayName, link);
    }

    /// <summary>An absolute link to the page; on the address <paramref name="http"/> came to when Site:BaseUrl is not set.</summary>
    private string Link(HttpContext http, string page, object? values) =>
        site.Absolute(links.GetPathByPage(page, values: values) ?? throw new InvalidOperationException($"No route to {page}."), http.Request);
}
