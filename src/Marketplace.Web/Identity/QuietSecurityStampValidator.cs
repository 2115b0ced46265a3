using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Identity;

/// <summary>
/// Checks the cookie's security stamp on every request, as <see cref="SecurityStampValidator{TUser}"/> does, but keeps
/// the cookie as it is when the stamp still matches: re-issuing it on every request would rewrite the cookie and mark
/// every response uncacheable, listing photos included.
/// </summary>
internal sealed class QuietSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<ApplicationUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<ApplicationUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(ApplicationUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
