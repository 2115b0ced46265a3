using Marketplace.Domain.Listings;

namespace Marketplace.Web.Features.Photos;

/// <summary>
/// One perceptual hash of a stored photo: of the whole picture (part 0) or of one of its crops (<see cref="PhotoHashes"/>),
/// with the hash's bands (<see cref="PhotoHashBands.Wide"/>) in indexed columns for lookup among every photo. Keyed by the image store's name, written when the file is stored,
/// so every path that stores a photo (form, API, CSV ZIP, demo data) fingerprints it; read by <see cref="PhotoMatches"/>.
/// </summary>
public sealed class PhotoFingerprint
{
    public const int StoredNameMaxLength = 80;

    private PhotoFingerprint()
    {
        StoredName = string.Empty;
    }

    public PhotoFingerprint(string storedName, int part, PhotoHash hash)
    {
        StoredName = storedName;
        Part = (short)part;
        Hash = hash.Bits;
        Band0 = PhotoHashBands.Wide.Band(hash, 0);
        Band1 = PhotoHashBands.Wide.Band(hash, 1);
        Band2 = PhotoHashBands.Wide.Band(hash, 2);
    }

    public string StoredName { get; private set; }

    /// <summary>0 for the whole photo, then the crops in <see cref="PhotoHashes"/>' order.</summary>
    public short Part { get; private set; }

    public long Hash { get; private set; }

    public int Band0 { get; private set; }

    public int Band1 { get; private set; }

    public int Band2 { get; private set; }
}
