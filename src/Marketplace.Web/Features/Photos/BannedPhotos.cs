using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// One fingerprint (a part of a photo, <see cref="PhotoFingerprint"/>) of a photo of a listing refused or taken down for
/// a closed cluster: the only photos the policy's lookup searches, a small share of all photos, in a table of their
/// own so its band indexes carry the hash and the listing and the lookup reads them alone. Written by the decision path
/// (<see cref="BannedPhotos"/>); the lookup still checks the listing's state, so the listing row stays the one truth.
/// </summary>
public sealed class BannedPhotoPart
{
    private BannedPhotoPart()
    {
        StoredName = string.Empty;
    }

    public long ListingId { get; private set; }

    public string StoredName { get; private set; }

    public short Part { get; private set; }

    public long Hash { get; private set; }

    public int Band0 { get; private set; }

    public int Band1 { get; private set; }

    public int Band2 { get; private set; }
}

/// <summary>The SQL that keeps <see cref="BannedPhotoPart"/> rows in step with the listings' state and photos.</summary>
internal static class BannedPhotos
{
    /// <summary>Listings the rules refused or took down because their cluster is closed to them, over <c>l</c> (listings).</summary>
    public static readonly string RefusedForClosedCluster =
        $"""
        (l.state = {(int)ListingState.Rejected} OR (l.state = {(int)ListingState.Suspended} AND l.suspended_by = {(int)SuspensionSource.Policy}))
        AND '{ReasonCodes.ClusterBlocked}' = ANY(l.reason_codes)
        """;

    /// <summary>
    /// Writes afresh the banned parts of the listings in <c>@banned_listings</c>, after their decisions: a listing that is
    /// refused for a closed cluster now has every fingerprint of its photos there, any other none.
    /// </summary>
    public static readonly string RefreshListings =
        "DELETE FROM banned_photo_parts WHERE listing_id = ANY(@banned_listings);\n" + InsertWhere("l.id = ANY(@banned_listings)");

    /// <summary>Adds the parts of photos in <c>@banned_names</c> fingerprinted after their listing was refused (the start-up backfill).</summary>
    public static readonly string AddFingerprinted = InsertWhere("i.stored_name = ANY(@banned_names)");

    private static string InsertWhere(string condition) =>
        $"""
        INSERT INTO banned_photo_parts (listing_id, stored_name, part, hash, band0, band1, band2)
        SELECT l.id, f.stored_name, f.part, f.hash, f.band0, f.band1, f.band2
        FROM listings l
        JOIN listing_images i ON i.listing_id = l.id
        JOIN photo_fingerprints f ON f.stored_name = i.stored_name
        WHERE ({condition}) AND {RefusedForClosedCluster}
        ON CONFLICT DO NOTHING
        """;
}
