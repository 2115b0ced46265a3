using Marketplace.Web.Features.Admin.Dashboard;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages;

/// <summary>The admin console's home: the dashboard's charts and the way into every part of the console.</summary>
public sealed class IndexModel(DashboardFigures figures, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public Dashboard Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await figures.ReadAsync(cancellationToken);
}
