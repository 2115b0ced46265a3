namespace Marketplace.Domain.Policy;

/// <summary>
/// One trained version of the text model that reads listings as clusters, stored whole so every web node decides with the
/// same model: the newest version is the one in force.
/// </summary>
public sealed class ScreeningModel
{
    private ScreeningModel()
    {
        TrainedBy = string.Empty;
        Labels = [];
        Bytes = [];
    }

    public ScreeningModel(int version, IReadOnlyList<string> labels, int listingCount, byte[] bytes, string trainedBy, DateTimeOffset trainedAt)
        : this()
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(bytes);
        Version = version > 0 ? version : throw new DomainException("screening_model.version_invalid", "A model version is positive.");
        Labels = labels.Count >= 2 ? [.. labels] : throw new DomainException("screening_model.too_few_clusters", "A model needs listings of at least two clusters.");
        ListingCount = listingCount;
        Bytes = bytes.Length > 0 ? bytes : throw new DomainException("screening_model.empty", "A model has content.");
        TrainedBy = trainedBy;
        TrainedAt = trainedAt;
    }

    public int Version { get; private set; }

    /// <summary>Cluster codes in the order of the model's scores.</summary>
    public string[] Labels { get; private set; }

    /// <summary>How many categorised listings it learnt from.</summary>
    public int ListingCount { get; private set; }

    public byte[] Bytes { get; private set; }

    public string TrainedBy { get; private set; }

    public DateTimeOffset TrainedAt { get; private set; }
}
