using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"id" or "en"; the language the user last chose.</summary>
    public string PreferredLanguage { get; set; } = "id";
}
