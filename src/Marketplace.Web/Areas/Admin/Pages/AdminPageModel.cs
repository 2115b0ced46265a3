using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages;

/// <summary>What every admin page shares: who is acting, and rule violations shown in the admin's language.</summary>
public abstract class AdminPageModel(IStringLocalizer<SharedResource> text) : PageModel
{
    protected IStringLocalizer<SharedResource> Text => text;

    protected AdminActor Actor => AdminActor.From(User);

    protected void AddError(DomainException error, string key = "")
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = text["Admin.Error." + error.Code];
        ModelState.AddModelError(key, message.ResourceNotFound ? text["Admin.Error.Generic"] : message);
    }
}
