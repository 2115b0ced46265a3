namespace Marketplace.Web;

/// <summary>Anchor for the site's strings in <c>Resources/SharedResource.{id,en}.resx</c>.</summary>
public sealed class SharedResource;
