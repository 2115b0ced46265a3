using Marketplace.Web.Features.Admin.Verification;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Verification;

/// <summary>Requests for local status waiting for an admin, oldest first.</summary>
public sealed class IndexModel(OriginVerifications queue, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public IReadOnlyList<VerificationRequestRow> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await queue.WaitingAsync(cancellationToken);
}
