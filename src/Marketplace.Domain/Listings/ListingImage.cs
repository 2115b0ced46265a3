namespace Marketplace.Domain.Listings;

public sealed class ListingImage
{
    private ListingImage()
    {
        StoredName = string.Empty;
        ContentType = string.Empty;
    }

    internal ListingImage(string storedName, string contentType, int position)
    {
        StoredName = storedName;
        ContentType = contentType;
        Position = position;
    }

    public long Id { get; private set; }

    public long ListingId { get; private set; }

    /// <summary>Generated file name in the image store; never the name the seller uploaded.</summary>
    public string StoredName { get; private set; }

    public string ContentType { get; private set; }

    public int Position { get; private set; }
}
