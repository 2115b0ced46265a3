namespace Marketplace.Domain.Listings;

/// <summary>
/// What a listing must have before it is put before the policy at all: shoppers decide on photos, so a listing without
/// one is not published, whichever way the seller tries (form, API, CSV import, an edit of a live listing). A listing
/// that is not ready is left as it is; nothing is decided and nothing is recorded.
/// </summary>
public static class PublicationReadiness
{
    public const int MinimumPhotos = 1;

    public const string PhotoRequiredCode = "listing.photo_required";

    public static bool IsReady(int photoCount) => photoCount >= MinimumPhotos;

    public static DomainException PhotoRequired() => new(PhotoRequiredCode, $"A listing needs at least {MinimumPhotos} photo before it is published.");
}
