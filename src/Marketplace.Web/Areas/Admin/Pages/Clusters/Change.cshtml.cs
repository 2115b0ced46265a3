using System.ComponentModel.DataAnnotations;
using Marketplace.Domain;
using Marketplace.Web.Features.Admin;
using Marketplace.Web.Features.Admin.Clusters;
using Marketplace.Web.Features.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Admin.Pages.Clusters;

/// <summary>Closing or opening one cluster: the form, the preview of its effect, the confirmation, and the real result.</summary>
public sealed class ChangeModel(ClusterConsole clusters, TimeProvider clock, IStringLocalizer<SharedResource> text) : AdminPageModel(text)
{
    public const string BlockMode = "block";
    public const string OpenMode = "open";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public ClusterRow Cluster { get; private set; } = null!;

    public IReadOnlyList<BlockHistoryRow> History { get; private set; } = [];

    public RuleChangeEffect? Preview { get; private set; }

    public DateTimeOffset? ScheduledFor { get; private set; }

    public RuleChangeEffect? Result { get; private set; }

    public string DoneKind { get; private set; } = string.Empty;

    public bool Blocking => Input.Mode == BlockMode;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (KeptOutcome<ChangeDone>() is { } done)
        {
            DoneKind = done.Kind;
            Result = await clusters.DescribeAsync(done.Effect, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var mode = Input.Mode;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Validate(mode, out var startsAt))
        {
            return Page();
        }

        try
        {
            Preview = Blocking
                ? await clusters.PreviewBlockAsync(Id, Input.Reason, Actor, cancellationToken)
                : await clusters.PreviewOpenAsync(Id, Input.Reason, Actor, cancellationToken);
            ScheduledFor = startsAt;
        }
        catch (DomainException e)
        {
            AddError(e);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var mode = Input.Mode;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Validate(mode, out var startsAt))
        {
            return Page();
        }

        try
        {
            RedecisionSummary effect;
            string kind;
            if (Blocking)
            {
                effect = await clusters.BlockAsync(Id, startsAt, Input.Reason, Actor, cancellationToken);
                kind = startsAt is null ? "Blocked" : "Scheduled";
            }
            else
            {
                effect = await clusters.OpenAsync(Id, Input.Reason, Actor, cancellationToken);
                kind = "Opened";
            }

            KeepOutcome(new ChangeDone(kind, effect));
            return RedirectToPage(new { id = Id });
        }
        catch (DomainException e)
        {
            AddError(e);
            return Page();
        }
    }

    /// <summary>
    /// The mode comes from the form, so a confirmation does what the admin previewed; when the cluster changed
    /// meanwhile, the policy refuses (a cluster closed twice or opened twice) and the admin sees why.
    /// </summary>
    private bool Validate(string? mode, out DateTimeOffset? startsAt)
    {
        startsAt = null;
        Input.Mode = mode is BlockMode or OpenMode ? mode : Input.Mode;
        if (Blocking && !string.IsNullOrWhiteSpace(Input.StartsAt))
        {
            if (!Wib.TryParseInput(Input.StartsAt, out var at))
            {
                ModelState.AddModelError("Input.StartsAt", Text["Admin.Change.StartsAtInvalid"]);
            }
            else if (at <= clock.GetUtcNow())
            {
                ModelState.AddModelError("Input.StartsAt", Text["Admin.Change.StartsAtPast"]);
            }
            else
            {
                startsAt = at;
            }
        }

        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var cluster = await clusters.FindAsync(Id, cancellationToken);
        if (cluster is null)
        {
            return false;
        }

        Cluster = cluster;
        History = await clusters.HistoryAsync(Id, cancellationToken);
        Input.Mode = cluster.State == ClusterState.Open ? BlockMode : OpenMode;
        return true;
    }

    public sealed record ChangeDone(string Kind, RedecisionSummary Effect);

    public sealed class ChangeInput
    {
        public string Mode { get; set; } = BlockMode;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, MinimumLength = 3, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Admin.Field.Reason")]
        public string Reason { get; set; } = string.Empty;

        [Display(Name = "Admin.Field.StartsAt")]
        public string? StartsAt { get; set; }
    }
}
