using System.Globalization;
using Marketplace.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Pages.Account.Manage;

/// <summary>How the account forms answer a refused password or code: beside the field, and 429 with Retry-After when throttled.</summary>
public static class ProofAnswer
{
    public static PageResult Refused(PageModel page, ProofResult proof, string field, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(proof);
        var answer = page.Page();
        switch (proof.Outcome)
        {
            case ProofOutcome.Throttled:
                page.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(proof.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                page.ModelState.AddModelError(field, text["Account.Login.Throttled", Math.Max(1, (int)Math.Ceiling(proof.RetryAfter.TotalMinutes))]);
                answer.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            case ProofOutcome.NotAllowed:
                page.ModelState.AddModelError(field, text["Account.TwoFactor.AdminMustKeep"]);
                break;
            default:
                page.ModelState.AddModelError(field, text["Account.Proof.Wrong"]);
                break;
        }

        return answer;
    }
}
