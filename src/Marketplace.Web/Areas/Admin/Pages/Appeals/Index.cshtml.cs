using Marketplace.Web.Features.Enforcement;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Appeals;

/// <summary>Open appeals, oldest first, each with its due time; overdue ones marked.</summary>
public sealed class IndexModel(AppealDesk appeals, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public IReadOnlyList<AppealView> Queue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await appeals.QueueAsync(cancellationToken);
}
