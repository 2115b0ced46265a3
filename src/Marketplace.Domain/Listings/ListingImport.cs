namespace Marketplace.Domain.Listings;

public enum ListingImportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,

    /// <summary>The file was refused as a whole, or the import failed and was rolled back: nothing of it was saved.</summary>
    Failed = 3,
}

/// <summary>
/// A CSV upload of listings, kept in the database with its bytes so any web node's worker can run it and any node
/// can show its progress. Its counters are written by the import worker.
/// </summary>
public sealed class ListingImport
{
    public const int FileNameMaxLength = 200;

    private ListingImport()
    {
        FileName = string.Empty;
        Content = [];
        Actor = string.Empty;
    }

    public ListingImport(int sellerId, string fileName, byte[] content, string actor, DateTimeOffset createdAt, int estimatedRows)
        : this()
    {
        TotalRows = Math.Max(0, estimatedRows);
        ArgumentNullException.ThrowIfNull(content);
        SellerId = sellerId;
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        FileName = name.Length == 0 ? "upload.csv" : name[..Math.Min(name.Length, FileNameMaxLength)];
        Content = content.Length > 0 ? content : throw new DomainException("import.empty", "The file is empty.");
        Actor = actor;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public string FileName { get; private set; }

    public byte[] Content { get; private set; }

    public string Actor { get; private set; }

    public ListingImportStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Until when the worker running the job holds it; it renews this while it works, and a lapsed lease frees the job.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>Data rows in the file, known once it has been read.</summary>
    public int TotalRows { get; private set; }

    public int CheckedRows { get; private set; }

    public int CreatedCount { get; private set; }

    public int UpdatedCount { get; private set; }

    public int UnchangedCount { get; private set; }

    public int InvalidCount { get; private set; }

    public int PublishedCount { get; private set; }

    public int NotPublishedCount { get; private set; }

    /// <summary>Rows not applied because their listing changed after the upload was accepted.</summary>
    public int SkippedCount { get; private set; }

    /// <summary>Why the whole import failed, as a resource key; null unless <see cref="ListingImportStatus.Failed"/>.</summary>
    public string? FailureKey { get; private set; }

    public bool IsFinished => Status is ListingImportStatus.Completed or ListingImportStatus.Failed;
}

/// <summary>One bad cell (or row) of an import: which row, which column, and why, as a resource key.</summary>
public sealed class ListingImportProblem
{
    private ListingImportProblem()
    {
        Column = string.Empty;
        ProblemKey = string.Empty;
        Value = string.Empty;
    }

    public ListingImportProblem(long importId, int rowNumber, string column, string problemKey, string value)
        : this()
    {
        ImportId = importId;
        RowNumber = rowNumber;
        Column = column;
        ProblemKey = problemKey;
        Value = value;
    }

    public long Id { get; private set; }

    public long ImportId { get; private set; }

    /// <summary>The line in the file as a spreadsheet numbers it: the header is row 1.</summary>
    public int RowNumber { get; private set; }

    public string Column { get; private set; }

    public string ProblemKey { get; private set; }

    /// <summary>The offending value as uploaded, cut to a readable length.</summary>
    public string Value { get; private set; }
}

/// <summary>
/// A listing's content version when its shop's upload was accepted. The import applies a row only to a listing still
/// at that version, so neither the first run nor a retry overwrites what the seller changed after uploading.
/// </summary>
public sealed class ListingImportBaseline
{
    private ListingImportBaseline()
    {
    }

    public long ImportId { get; private set; }

    public long ListingId { get; private set; }

    public int Version { get; private set; }
}
