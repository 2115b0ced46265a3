using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Categories;
using Marketplace.Web.Features.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Categories;

/// <summary>One category: renaming it, retiring it, and moving a leaf to another cluster after seeing what the move does.</summary>
public sealed class EditModel(CategoryConsole categories, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public NamesInput Names { get; set; } = new();

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public DoneMessage? Message { get; private set; }

    public CategoryNode Category { get; private set; } = null!;

    public IReadOnlyList<ClusterOption> Clusters { get; private set; } = [];

    public RuleChangeEffect? Preview { get; private set; }

    public string? TargetCode { get; private set; }

    public RuleChangeEffect? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Names = new NamesInput { NameId = Category.NameId, NameEn = Category.NameEn };
        Move = new MoveInput { ClusterId = Category.ClusterId ?? 0 };
        Message = KeptOutcome<DoneMessage>();
        if (KeptOutcome<RedecisionSummary>() is { } summary)
        {
            Result = await categories.DescribeAsync(summary, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken) =>
        ChangeAsync(nameof(Names), () => categories.RenameAsync(Id, Names.NameId, Names.NameEn, Actor, cancellationToken), "Admin.CategoryEdit.Renamed", cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken) =>
        ChangeAsync(null, () => categories.RetireAsync(Id, Actor, cancellationToken), "Admin.CategoryEdit.RetiredDone", cancellationToken);

    public async Task<IActionResult> OnPostPreviewMoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ValidMove())
        {
            try
            {
                Preview = await categories.PreviewMoveAsync(Id, Move.ClusterId, Actor, cancellationToken);
                TargetCode = Clusters.Single(c => c.Id == Move.ClusterId).Code;
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmMoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ValidMove())
        {
            return Page();
        }

        try
        {
            var effect = await categories.MoveAsync(Id, Move.ClusterId, Actor, cancellationToken);
            KeepOutcome(effect);
            return RedirectToPage(new { id = Id });
        }
        catch (DomainException e)
        {
            AddError(e);
            return Page();
        }
    }

    private bool ValidMove()
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Move.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Names = new NamesInput { NameId = Category.NameId, NameEn = Category.NameEn };
        if (!Category.IsLeaf || Clusters.All(c => c.Id != Move.ClusterId))
        {
            ModelState.AddModelError("Move.ClusterId", Text["Admin.CategoryEdit.ChooseCluster"]);
        }
        else if (Move.ClusterId == Category.ClusterId)
        {
            ModelState.AddModelError("Move.ClusterId", Text["Admin.CategoryEdit.SameCluster"]);
        }

        return ModelState.IsValid;
    }

    /// <summary>Renames and retirements validate only their own form, then redirect with a message.</summary>
    private async Task<IActionResult> ChangeAsync(string? form, Func<Task<bool>> change, string message, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => form is null || !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                await change();
                KeepOutcome(new DoneMessage(message));
                return RedirectToPage(new { id = Id });
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        Move = new MoveInput { ClusterId = Category.ClusterId ?? 0 };
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var category = await categories.FindAsync(Id, cancellationToken);
        if (category is null)
        {
            return false;
        }

        Category = category;
        Clusters = await categories.ClustersAsync(cancellationToken);
        return true;
    }

    public sealed class NamesInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameId")]
        public string NameId { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.NameEn")]
        public string NameEn { get; set; } = string.Empty;
    }

    public sealed class MoveInput
    {
        [Display(Name = "Admin.Field.TargetCluster")]
        public int ClusterId { get; set; }
    }
}
