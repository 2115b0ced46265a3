namespace Marketplace.Web.Features.Photos;

/// <summary>Removes stored photos whole: the photo and its thumbnail from storage, their fingerprints, and their record last (so a removal cut short is found again by the sweep).</summary>
public sealed class PhotoRemoval(IPhotoStorage storage, PhotoFingerprints fingerprints, PhotoLedger ledger)
{
    public async Task RemoveAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return;
        }

        await storage.DeleteAsync([.. names, .. names.Select(PhotoKeys.ThumbnailOf)], cancellationToken);
        await fingerprints.DeleteAsync(names, cancellationToken);
        await ledger.ForgetAsync(names, cancellationToken);
    }
}
