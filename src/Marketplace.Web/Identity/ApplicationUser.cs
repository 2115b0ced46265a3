using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"id" or "en"; the language the user last chose.</summary>
    public string PreferredLanguage { get; set; } = "id";

    /// <summary>
    /// The 30-second step of the last authenticator code accepted for this account (RFC 6238 counter): a code of this
    /// step or an earlier one is refused, so each code signs in once. Written only by <see cref="OneTimeAuthenticatorTokenProvider"/>.
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; private set; }
}
