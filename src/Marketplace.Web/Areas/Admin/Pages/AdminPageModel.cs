using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Web.Features.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages;

/// <summary>A confirmation shown after the redirect: a resource key and the count it may name.</summary>
public sealed record DoneMessage(string Key, int Count = 0);

/// <summary>What every admin page shares: who is acting, rule violations shown in the admin's language, and what a change did, shown after its redirect.</summary>
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

    /// <summary>Keeps what a change did for the page its redirect shows (post, redirect, get), in TempData, one entry per kind of outcome.</summary>
    protected void KeepOutcome<T>(T outcome) => TempData[OutcomeKey<T>()] = JsonSerializer.Serialize(outcome);

    /// <summary>What the change before the redirect kept, or null on an ordinary visit.</summary>
    protected T? KeptOutcome<T>()
        where T : class =>
        TempData[OutcomeKey<T>()] is string json ? JsonSerializer.Deserialize<T>(json) : null;

    private static string OutcomeKey<T>() => "Admin.Outcome." + typeof(T).Name;
}
