namespace Marketplace.Domain.Policy;

/// <summary>
/// What the learned text model reads a listing's title and description as: a cluster, how sure it is (0 to 1), the words of
/// the text that weighed most toward that cluster, and the version of the model that said so.
/// </summary>
public sealed record TextClassification(ClusterRef Cluster, double Confidence, IReadOnlyList<string> Words, int ModelVersion);
