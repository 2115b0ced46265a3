namespace Marketplace.Web.Features.Photos;

/// <summary>
/// Where photo bytes live, shared by every web node: objects under keys (a photo's stored name, its thumbnail's name),
/// each with its content type. An object never changes under its key, so a reader may cache it by key. PostgreSQL by
/// default (<see cref="DatabasePhotoStorage"/>, carried to replicas like every row); the operations are those of an
/// S3-compatible bucket (PutObject, GetObject, HeadObject, DeleteObjects), so an object store can take its place.
/// </summary>
public interface IPhotoStorage
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>The object under <paramref name="key"/>, or null when there is none; the caller disposes its stream.</summary>
    Task<PhotoObject?> GetAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the objects under <paramref name="keys"/>; a key with no object is no error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>One stored object as read back.</summary>
public sealed record PhotoObject(Stream Content, string ContentType, long Length);
