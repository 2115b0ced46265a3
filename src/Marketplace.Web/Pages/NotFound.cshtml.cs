using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Pages;

/// <summary>Rendered for 4xx status codes by the status-code pages middleware; the status itself is kept.</summary>
public sealed class NotFoundModel : PageModel
{
    public int Code { get; private set; } = 404;

    public void OnGet(int? code) => Code = code ?? 404;
}
