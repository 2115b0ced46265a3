using System.Globalization;
using Marketplace.Web.Features.Photos;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Features.Sellers.Images;

/// <summary>
/// A stored photo as a response, once the endpoint has decided who may see it. A photo never changes under its key, so it
/// is tagged by its key and revalidates as a 304 without its bytes being read from storage.
/// </summary>
internal static class PhotoResponse
{
    /// <summary>How long a browser or a shared cache may keep a photo without asking again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <param name="shared">Whether shared caches may keep it (a photo everyone may see) or only the requester's browser.</param>
    public static async Task<IResult> SendAsync(HttpContext http, string key, bool shared, Func<CancellationToken, Task<PhotoObject?>> read, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(read);
        var tag = new EntityTagHeaderValue($"\"{key}\"");
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false)))
        {
            SetHeaders(http, shared);
            http.Response.Headers.ETag = tag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (await read(http.RequestAborted) is not { } photo)
        {
            return Results.NotFound();
        }

        SetHeaders(http, shared);
        return TypedResults.Stream(photo.Content, contentType ?? photo.ContentType, entityTag: tag);
    }

    // Short-lived, never immutable: a photo of a listing taken down must leave shared caches within minutes; the ETag
    // makes each revalidation a 304.
    private static void SetHeaders(HttpContext http, bool shared)
    {
        http.Response.Headers.CacheControl = (shared ? "public" : "private") + ", max-age=" + ((int)CacheLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
