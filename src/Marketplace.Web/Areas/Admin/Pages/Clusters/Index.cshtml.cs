using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin.Clusters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Clusters;

public sealed class IndexModel(ClusterConsole clusters, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public IReadOnlyList<ClusterRow> Clusters { get; private set; } = [];

    public IReadOnlyList<BlockHistoryRow> History { get; private set; } = [];

    [BindProperty]
    public NewClusterInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await clusters.CreateAsync(Input.Code, Input.NameId, Input.NameEn, Actor, cancellationToken);
                return RedirectToPage();
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clusters = await clusters.ListAsync(cancellationToken);
        History = await clusters.HistoryAsync(null, cancellationToken);
    }

    public sealed class NewClusterInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(32, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.ClusterCode")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameId")]
        public string NameId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameEn")]
        public string NameEn { get; set; } = string.Empty;
    }
}
