using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Rendered for 4xx status codes by the status-code pages middleware; the status itself is kept.</summary>
/// <remarks>
/// The middleware re-executes the failed request with its own method, so a refused POST (a 403 for a form posted to an
/// admin page) arrives here as a POST too; this page changes nothing and has no form, so it must not answer 400 for a
/// missing antiforgery token in place of the real status.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    public int Code { get; private set; } = 404;

    public void OnGet(int? code) => Code = code ?? 404;

    public void OnPost(int? code) => OnGet(code);
}
