using Marketplace.Web.Identity;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Switches the language and returns to the page the user was on.</summary>
/// <remarks>A signed-in user's choice is also kept on the account, as the language of the e-mails they receive.</remarks>
public sealed class LanguageModel(UserManager<ApplicationUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl)
    {
        var english = culture == Languages.English;
        Languages.Remember(Response, english ? Languages.English : Languages.Indonesian);
        if (await users.GetUserAsync(User) is { } user && user.PreferredLanguage != (english ? "en" : "id"))
        {
            user.PreferredLanguage = english ? "en" : "id";
            await users.UpdateAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
