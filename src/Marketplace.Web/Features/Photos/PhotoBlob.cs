namespace Marketplace.Web.Features.Photos;

/// <summary>One object of <see cref="DatabasePhotoStorage"/>: a photo or its thumbnail. Read and written by that class only.</summary>
public sealed class PhotoBlob
{
    public const int KeyMaxLength = 80;

    private PhotoBlob()
    {
        Key = string.Empty;
        ContentType = string.Empty;
        Content = [];
    }

    public string Key { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }
}
