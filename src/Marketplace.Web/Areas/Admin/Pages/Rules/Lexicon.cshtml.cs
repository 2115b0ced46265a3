using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Rules;
using Marketplace.Web.Features.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Rules;

/// <summary>A cluster's keyword lexicon: edited as text, previewed against the live listings, then replaced through the policy.</summary>
public sealed class LexiconModel(RuleConsole rules, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    [BindProperty(SupportsGet = true)]
    public int ClusterId { get; set; }

    [BindProperty]
    public LexiconInput Input { get; set; } = new();

    public LexiconRow Lexicon { get; private set; } = null!;

    public RuleChangeEffect? Preview { get; private set; }

    public RuleChangeEffect? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.Terms = string.Join("\n", Lexicon.Terms);
        if (KeptOutcome<RedecisionSummary>() is { } summary)
        {
            Result = await rules.DescribeAsync(summary, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                Preview = await rules.PreviewLexiconAsync(ClusterId, RuleConsole.ParseTerms(Input.Terms), Actor, cancellationToken);
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                var effect = await rules.ReplaceLexiconAsync(ClusterId, RuleConsole.ParseTerms(Input.Terms), Actor, cancellationToken);
                KeepOutcome(effect);
                return RedirectToPage(new { clusterId = ClusterId });
            }
            catch (DomainException e)
            {
                AddError(e);
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var lexicon = (await rules.OverviewAsync(cancellationToken)).Lexicons.SingleOrDefault(l => l.ClusterId == ClusterId);
        if (lexicon is null)
        {
            return false;
        }

        Lexicon = lexicon;
        return true;
    }

    public sealed class LexiconInput
    {
        [Display(Name = "Admin.Field.Terms")]
        [StringLength(20_000, ErrorMessage = "Validation.StringLength")]
        public string? Terms { get; set; }
    }
}
