namespace Marketplace.Web.Tests.Infrastructure;

/// <summary>Small real images, decodable by any image library, for forms and imports that need a photo.</summary>
public static class TestImages
{
    /// <summary>A 2×2 RGB PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAE0lEQVR4nGM4kGAARAwGCQeACAAkzgVBfTr8LQAAAABJRU5ErkJggg==");
}
