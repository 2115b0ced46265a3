namespace Marketplace.Domain.Audit;

/// <summary>What an admin action was aimed at; any combination may be empty.</summary>
public sealed record AdminTarget(int? ClusterId = null, int? CategoryId = null, int? SellerId = null, long? ListingId = null);

/// <summary>
/// The audit record of one admin action: who (user id and email), what, aimed at what, why, and when.
/// Written in the same transaction as the change it records, so neither exists without the other.
/// </summary>
public sealed class AdminAction
{
    public const int ReasonMaxLength = 500;
    public const int DetailsMaxLength = 4000;

    private AdminAction()
    {
        ActorUserId = string.Empty;
        ActorEmail = string.Empty;
    }

    public AdminAction(AdminActionKind kind, string actorUserId, string actorEmail, AdminTarget target, string? reason, string? details, DateTimeOffset at)
        : this()
    {
        ArgumentNullException.ThrowIfNull(target);
        ActorUserId = string.IsNullOrWhiteSpace(actorUserId) ? throw new DomainException("admin_action.actor_required", "An admin action needs its actor.") : actorUserId;
        ActorEmail = string.IsNullOrWhiteSpace(actorEmail) ? throw new DomainException("admin_action.actor_required", "An admin action needs its actor.") : actorEmail;
        Kind = kind;
        ClusterId = target.ClusterId;
        CategoryId = target.CategoryId;
        SellerId = target.SellerId;
        ListingId = target.ListingId;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (Reason is null && RequiresReason(kind))
        {
            throw new DomainException("admin_action.reason_required", $"{kind} needs a reason.");
        }

        if (Reason?.Length > ReasonMaxLength)
        {
            throw new DomainException("admin_action.reason_too_long", $"A reason has at most {ReasonMaxLength} characters.");
        }

        Details = string.IsNullOrWhiteSpace(details) ? null : details.Length > DetailsMaxLength ? details[..DetailsMaxLength] : details;
        At = at;
    }

    public long Id { get; private set; }

    public AdminActionKind Kind { get; private set; }

    public string ActorUserId { get; private set; }

    public string ActorEmail { get; private set; }

    public int? ClusterId { get; private set; }

    public int? CategoryId { get; private set; }

    public int? SellerId { get; private set; }

    public long? ListingId { get; private set; }

    /// <summary>Why, in the admin's words; required where someone loses or regains something.</summary>
    public string? Reason { get; private set; }

    /// <summary>What the action changed, such as how many listings went down; language-neutral for regulators.</summary>
    public string? Details { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Actions that take listings or shops down, bring them back or refuse them need a stated reason.</summary>
    public static bool RequiresReason(AdminActionKind kind) => kind is AdminActionKind.ClusterBlocked or AdminActionKind.ClusterBlockScheduled
        or AdminActionKind.ClusterOpened or AdminActionKind.ListingRejected or AdminActionKind.SellerSuspended or AdminActionKind.SellerReinstated
        or AdminActionKind.StrikeVoided or AdminActionKind.AppealUpheld or AdminActionKind.AppealGranted
        or AdminActionKind.ShopClosureScheduled or AdminActionKind.ShopClosureApplied or AdminActionKind.ShopClosureReversed
        or AdminActionKind.TakedownRecorded or AdminActionKind.ListingTakenDown;
}
