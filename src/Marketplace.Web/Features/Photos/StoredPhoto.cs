namespace Marketplace.Web.Features.Photos;

/// <summary>
/// The record of one stored photo, whatever storage holds its bytes: whose shop's quota it counts against (none for a
/// shopper's review or complaint photo), its size with its thumbnail, and when it was stored, so a photo nothing uses
/// can be found and removed (<see cref="UnattachedPhotoSweep"/>). Written by <see cref="PhotoLedger"/>.
/// </summary>
public sealed class StoredPhoto
{
    private StoredPhoto()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public int? SellerId { get; private set; }

    /// <summary>The photo's bytes and its thumbnail's.</summary>
    public long SizeBytes { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }
}
