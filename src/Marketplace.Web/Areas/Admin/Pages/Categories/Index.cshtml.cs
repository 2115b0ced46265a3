using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Categories;
using Marketplace.Web.Features.Admin.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Categories;

public sealed class IndexModel(CategoryConsole categories, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public IReadOnlyList<CategoryNode> Tree { get; private set; } = [];

    public IReadOnlyList<ClusterOption> Clusters { get; private set; } = [];

    [BindProperty]
    public NewCategoryInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var chapters = RuleConsole.ParseChapters(Input.HsChapters);
        if (chapters is null)
        {
            ModelState.AddModelError("Input.HsChapters", Text["Admin.Rules.ChaptersInvalid"]);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var id = await categories.CreateAsync(
                    new NewCategory(Input.ParentId, Input.Slug, Input.NameId, Input.NameEn, Input.ClusterId, chapters!), Actor, cancellationToken);
                return RedirectToPage("./Edit", new { id });
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
        Tree = await categories.TreeAsync(cancellationToken);
        Clusters = await categories.ClustersAsync(cancellationToken);
    }

    public sealed class NewCategoryInput
    {
        [Display(Name = "Admin.Field.Parent")]
        public int? ParentId { get; set; }

        [Display(Name = "Admin.Field.Cluster")]
        public int? ClusterId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(80, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.Slug")]
        public string Slug { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameId")]
        public string NameId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameEn")]
        public string NameEn { get; set; } = string.Empty;

        [Display(Name = "Admin.Field.HsChapters")]
        public string? HsChapters { get; set; }
    }
}
