namespace Marketplace.Domain.Listings;

public enum ListingImportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,

    /// <summary>The file was refused as a whole, or the import failed and was rolled back: nothing of it was saved.</summary>
    Failed = 3,

    /// <summary>The preview is written: the upload waits for its seller to confirm it (queued again) or cancel it.</summary>
    PreviewReady = 4,

    /// <summary>The seller cancelled after the preview: nothing of the file was saved.</summary>
    Cancelled = 5,
}

/// <summary>
/// Where an upload stands as its seller reads it. A job runs twice through the queue: first as a preview (before
/// <see cref="ListingImport.ConfirmedAt"/>), then, once confirmed, as the import.
/// </summary>
public enum ListingImportStage
{
    Uploaded,
    Previewing,
    PreviewReady,
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>
/// What one listing of an upload would do (in its preview) or did (once imported), from the seller's point of view.
/// Ordered as the preview lists them: what costs the seller first.
/// </summary>
public enum ImportRowOutcome
{
    /// <summary>Refused by the policy (a strike when <see cref="ListingImportRow.EarnsStrike"/>).</summary>
    Refuse = 0,

    /// <summary>Waits for an admin's review.</summary>
    Hold = 1,

    /// <summary>Not written: a problem in the row, or its listing changed after the upload, is archived or taken down by an admin.</summary>
    NotImported = 2,

    /// <summary>Saved as a draft: not ready to publish (no photo).</summary>
    Draft = 3,

    /// <summary>Published, or kept live after a new decision.</summary>
    Publish = 4,

    /// <summary>Saved without a new decision (stock or TKDN only): its state stays as it is.</summary>
    Saved = 5,

    /// <summary>Identical to what is stored: nothing is written.</summary>
    Unchanged = 6,
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

    /// <summary>When the seller confirmed the preview; null while the job is (or waits to be) a preview.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The strikes of the last run (the preview, or the import) suspend the shop.</summary>
    public bool SuspendsShop { get; private set; }

    public bool IsFinished => Status is ListingImportStatus.Completed or ListingImportStatus.Failed or ListingImportStatus.Cancelled;

    public ListingImportStage Stage => StageOf(Status, ConfirmedAt is not null);

    public static ListingImportStage StageOf(ListingImportStatus status, bool confirmed) => status switch
    {
        ListingImportStatus.Queued => confirmed ? ListingImportStage.Queued : ListingImportStage.Uploaded,
        ListingImportStatus.Running => confirmed ? ListingImportStage.Running : ListingImportStage.Previewing,
        ListingImportStatus.PreviewReady => ListingImportStage.PreviewReady,
        ListingImportStatus.Completed => ListingImportStage.Completed,
        ListingImportStatus.Cancelled => ListingImportStage.Cancelled,
        _ => ListingImportStage.Failed,
    };
}

/// <summary>
/// One listing of an upload and what its preview says it would do, replaced by what it did once the import ran: its
/// first row in the file, its SKU and title as written, and the reason in both languages (a policy verdict's messages,
/// or a resource key for a row that is not imported).
/// </summary>
public sealed class ListingImportRow
{
    private ListingImportRow()
    {
        Sku = string.Empty;
        Title = string.Empty;
    }

    public long ImportId { get; private set; }

    /// <summary>The listing's first row in the file, as a spreadsheet numbers it.</summary>
    public int RowNumber { get; private set; }

    /// <summary>How many variants the file gives the listing (one row each); 0 for a listing without variant rows.</summary>
    public int VariantCount { get; private set; }

    public string Sku { get; private set; }

    public string Title { get; private set; }

    public ImportRowOutcome Outcome { get; private set; }

    /// <summary>A resource key explaining a row that is not imported or saved as a draft.</summary>
    public string? ReasonKey { get; private set; }

    public string? ReasonId { get; private set; }

    public string? ReasonEn { get; private set; }

    /// <summary>The refusal counts as a strike against the shop.</summary>
    public bool EarnsStrike { get; private set; }

    public string? Reason(bool indonesian) => indonesian ? ReasonId : ReasonEn;
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
