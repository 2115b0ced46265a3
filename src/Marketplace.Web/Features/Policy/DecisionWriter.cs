using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Photos;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Policy;

/// <summary>One listing's new verdict and the state columns it leads to, as the domain's state machine computes them.</summary>
internal sealed record ListingDecision(ListingUnderDecision Facts, PolicyVerdict Verdict, ListingStateColumns New)
{
    public ListingState NewState => New.State;

    public bool StateChanged => New.State != Facts.State || New.SuspendedBy != Facts.SuspendedBy;

    public static ListingDecision Of(ListingUnderDecision facts, PolicyVerdict verdict, DecisionTrigger trigger, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new ListingDecision(facts, verdict, ListingTransitions.After(facts.Current, verdict, trigger, at));
    }
}

/// <summary>
/// Writes decisions set-based: one UPDATE of the listings that changed, one INSERT of a decision row per listing
/// decided, and one notification per seller whose listings went down, came back or now wait for review.
/// The only code that changes a listing's state outside the domain entity, and only with a policy verdict.
/// </summary>
internal static class DecisionWriter
{
    public static async Task WriteAsync(
        MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions, DecisionTrigger trigger, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (decisions.Count == 0)
        {
            return;
        }

        await UpdateListingsAsync(db, decisions, cancellationToken);
        await InsertDecisionsAsync(db, decisions, trigger, actor, now, cancellationToken);
        await RefreshBannedPhotosAsync(db, decisions, cancellationToken);
        if (AddNotifications(db, decisions, trigger, now))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        DecisionCounts.Add(db, decisions);
    }

    private static async Task UpdateListingsAsync(MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions, CancellationToken cancellationToken)
    {
        var changed = decisions
            .Where(d => d.StateChanged || !d.Facts.ReasonCodes.SequenceEqual(d.Verdict.ReasonCodes) || d.New.StateNote != d.Facts.Current.StateNote)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        // The columns come from the domain's state machine; this statement only assigns them.
        const string sql = """
            UPDATE listings AS l
            SET state = u.state,
                suspended_by = u.suspended_by,
                reason_codes = string_to_array(u.reasons, ' '),
                state_note = u.state_note,
                state_changed_at = u.state_changed_at,
                published_at = u.published_at
            FROM unnest(@ids, @states, @suspended_by, @reasons, @notes, @changed_at, @published_at)
                 AS u(id, state, suspended_by, reasons, state_note, state_changed_at, published_at)
            WHERE l.id = u.id
            """;
        await using var command = PolicyTransaction.Command(db, sql);
        command.Parameters.AddWithValue("ids", changed.Select(d => d.Facts.Id).ToArray());
        command.Parameters.AddWithValue("states", changed.Select(d => (int)d.New.State).ToArray());
        command.Parameters.AddWithValue("suspended_by", NpgsqlDbType.Array | NpgsqlDbType.Integer, changed.Select(d => (int?)d.New.SuspendedBy).ToArray());
        command.Parameters.AddWithValue("reasons", changed.Select(d => string.Join(' ', d.New.ReasonCodes)).ToArray());
        command.Parameters.AddWithValue("notes", NpgsqlDbType.Array | NpgsqlDbType.Text, changed.Select(d => d.New.StateNote).ToArray());
        command.Parameters.AddWithValue("changed_at", changed.Select(d => d.New.StateChangedAt).ToArray());
        command.Parameters.AddWithValue("published_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, changed.Select(d => d.New.PublishedAt).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task InsertDecisionsAsync(
        MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions, DecisionTrigger trigger, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO policy_decisions (listing_id, seller_id, cluster_id, outcome, reason_codes, message_id, message_en, policy_version, trigger, actor, decided_at)
            SELECT u.listing_id, u.seller_id, u.cluster_id, u.outcome, string_to_array(u.reasons, ' '), u.message_id, u.message_en, u.policy_version, @trigger, @actor, @now
            FROM unnest(@listing_ids, @seller_ids, @cluster_ids, @outcomes, @reasons, @messages_id, @messages_en, @versions)
                 AS u(listing_id, seller_id, cluster_id, outcome, reasons, message_id, message_en, policy_version)
            """;
        var recorded = decisions.Select(d => new PolicyDecision(d.Facts.Id, d.Facts.SellerId, d.Facts.ClusterId, d.Verdict, trigger, actor, now)).ToList();
        await using var command = PolicyTransaction.Command(db, sql);
        command.Parameters.AddWithValue("trigger", (int)trigger);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("listing_ids", recorded.Select(r => r.ListingId).ToArray());
        command.Parameters.AddWithValue("seller_ids", recorded.Select(r => r.SellerId).ToArray());
        command.Parameters.AddWithValue("cluster_ids", recorded.Select(r => r.ClusterId ?? 0).ToArray());
        command.Parameters.AddWithValue("outcomes", recorded.Select(r => (int)r.Outcome).ToArray());
        command.Parameters.AddWithValue("reasons", recorded.Select(r => string.Join(' ', r.ReasonCodes)).ToArray());
        command.Parameters.AddWithValue("messages_id", NpgsqlDbType.Array | NpgsqlDbType.Text, recorded.Select(r => r.MessageId).ToArray());
        command.Parameters.AddWithValue("messages_en", NpgsqlDbType.Array | NpgsqlDbType.Text, recorded.Select(r => r.MessageEn).ToArray());
        command.Parameters.AddWithValue("versions", recorded.Select(r => r.PolicyVersion).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The photos of a listing refused or taken down for a closed cluster are what the policy's photo lookup searches
    /// (<see cref="BannedPhotos"/>): written in the decision's transaction, so a listing and its photos move together.
    /// </summary>
    private static async Task RefreshBannedPhotosAsync(MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions, CancellationToken cancellationToken)
    {
        await using var command = PolicyTransaction.Command(db, BannedPhotos.RefreshListings);
        command.Parameters.AddWithValue("banned_listings", decisions.Select(d => d.Facts.Id).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Sellers hear about changes the rules made to listings they did not touch themselves, and about every refusal at once,
    /// their own publish included, so the notification list never lags the listing's state. True when any was added.
    /// </summary>
    private static bool AddNotifications(MarketplaceDbContext db, IReadOnlyList<ListingDecision> decisions, DecisionTrigger trigger, DateTimeOffset now)
    {
        var groups = decisions
            .Where(d => d.StateChanged && Kind(d, trigger) is not null)
            .GroupBy(d => (d.Facts.SellerId, Kind: Kind(d, trigger)!.Value, d.Facts.ClusterId))
            .ToList();
        foreach (var group in groups)
        {
            var count = group.Count();
            var reasons = group.First().Verdict.Reasons;
            var reason = reasons.Count > 0 ? reasons[0] : null;
            var (id, en) = group.Key.Kind switch
            {
                SellerNotificationKind.ListingsSuspendedByPolicy => (
                    $"{count} produk Anda diturunkan dari etalase. {reason?.MessageId}",
                    $"{count} of your listings were taken down. {reason?.MessageEn}"),
                SellerNotificationKind.ListingsRejected => (
                    $"{count} produk Anda ditolak. {reason?.MessageId}",
                    $"{count} of your listings were refused. {reason?.MessageEn}"),
                SellerNotificationKind.ListingsSuspendedByAdmin => (
                    $"{count} produk Anda diturunkan oleh admin. {reason?.MessageId}",
                    $"{count} of your listings were taken down by an admin. {reason?.MessageEn}"),
                SellerNotificationKind.ListingsRestoredByAdmin => (
                    $"Admin mencabut penurunan {count} produk Anda. Status setiap produk ada di daftar produk Anda.",
                    $"An admin lifted the takedown of {count} of your listings. Each listing's status is in your listings."),
                SellerNotificationKind.ListingsReleasedFromReview => (
                    $"{count} produk Anda yang menunggu tinjauan kini tayang karena aturan yang menahannya tidak berlaku lagi.",
                    $"{count} of your listings that were waiting for review are live now because the rule that held them no longer applies."),
                SellerNotificationKind.ListingsRestoredByPolicy => (
                    $"{count} produk Anda tayang kembali karena aturan yang menurunkannya tidak berlaku lagi.",
                    $"{count} of your listings are live again because the rule that took them down no longer applies."),
                _ => (
                    $"{count} produk Anda menunggu tinjauan admin. {reason?.MessageId}",
                    $"{count} of your listings wait for an admin's review. {reason?.MessageEn}"),
            };
            db.SellerNotifications.Add(new SellerNotification(group.Key.SellerId, group.Key.Kind, group.Key.ClusterId, count, id.Trim(), en.Trim(), now));
        }

        return groups.Count > 0;
    }

    private static SellerNotificationKind? Kind(ListingDecision decision, DecisionTrigger trigger) => (decision.Facts.State, decision.NewState) switch
    {
        (not ListingState.Rejected, ListingState.Rejected) => SellerNotificationKind.ListingsRejected,
        _ when trigger == DecisionTrigger.AdminSuspension => SellerNotificationKind.ListingsSuspendedByAdmin,
        _ when trigger == DecisionTrigger.TakedownLifted => SellerNotificationKind.ListingsRestoredByAdmin,
        _ when !trigger.IsRuleChange() => null,
        (_, ListingState.Suspended) => SellerNotificationKind.ListingsSuspendedByPolicy,
        (ListingState.Suspended, ListingState.Published) => SellerNotificationKind.ListingsRestoredByPolicy,
        (_, ListingState.Published) => SellerNotificationKind.ListingsReleasedFromReview,
        (_, ListingState.PendingReview) => SellerNotificationKind.ListingsNeedReview,
        _ => null,
    };
}
