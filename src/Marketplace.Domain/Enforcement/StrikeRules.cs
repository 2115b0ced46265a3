using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Enforcement;

/// <summary>When a shop earns a strike and when its strikes suspend it; the numbers are settings.</summary>
public sealed record StrikeRules(TimeSpan Lifetime, int ActiveToSuspend)
{
    public static readonly StrikeRules Default = new(TimeSpan.FromDays(90), 5);

    /// <summary>
    /// A seller's own attempt (form, edit, CSV import, API) that a cluster's closure blocks earns a strike: the closure
    /// was in force when the seller tried. Rule changes sweeping live listings down earn none: those listings were legal
    /// when listed.
    /// </summary>
    public static bool Earns(DecisionTrigger trigger, PolicyVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return IsSellerAttempt(trigger) && verdict.Outcome == PolicyOutcome.Blocked && verdict.ReasonCodes.Contains(ReasonCodes.ClusterBlocked);
    }

    /// <summary>An admin rejecting a listing the policy held as possibly misclassified confirms the misclassification.</summary>
    public static bool RejectionEarns(IReadOnlyCollection<string> heldFor)
    {
        ArgumentNullException.ThrowIfNull(heldFor);
        return heldFor.Contains(ReasonCodes.SuspectedMisclassification);
    }

    public static bool IsSellerAttempt(DecisionTrigger trigger) =>
        trigger is DecisionTrigger.SellerPublish or DecisionTrigger.SellerEdit or DecisionTrigger.CsvImport or DecisionTrigger.SellerApi;

    public bool Suspends(int activeStrikes) => activeStrikes >= ActiveToSuspend;
}
