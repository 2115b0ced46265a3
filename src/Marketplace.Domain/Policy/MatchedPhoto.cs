namespace Marketplace.Domain.Policy;

/// <summary>
/// A photo of the listing is near-identical to a photo of another listing that the rules refused or took down for a
/// closed cluster: which listing, and the cluster it was refused for.
/// </summary>
public sealed record MatchedPhoto(long ListingId, ClusterRef Cluster);
