using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Admin.Verification;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Verification;

/// <summary>Requests for local status waiting for an admin, oldest first, each with its reasons; filtered by one reason when asked.</summary>
public sealed class IndexModel(OriginVerifications queue, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public VerificationFindingKind? Reason { get; set; }

    public IReadOnlyList<VerificationRequestRow> Waiting { get; private set; } = [];

    public IReadOnlyList<ReasonCount> Reasons { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Waiting = await queue.WaitingAsync(ModelState.IsValid ? Reason : null, cancellationToken);
        Reasons = await queue.ReasonCountsAsync(cancellationToken);
    }
}
