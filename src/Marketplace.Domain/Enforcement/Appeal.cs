using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Enforcement;

/// <summary>What a seller appeals against.</summary>
public enum AppealSubject
{
    /// <summary>A listing the policy or an admin rejected.</summary>
    ListingRejection = 0,

    /// <summary>A listing taken down after publishing.</summary>
    ListingSuspension = 1,

    /// <summary>A listing waiting for an admin because its words read like a closed cluster's goods.</summary>
    ReviewHold = 2,

    /// <summary>A listing waiting because the shop's local status is not verified yet.</summary>
    UnverifiedOrigin = 3,

    Strike = 4,

    /// <summary>The whole shop is suspended.</summary>
    ShopSuspension = 5,
}

public enum AppealStatus
{
    Open = 0,

    /// <summary>The decision stands; nothing changes.</summary>
    Upheld = 1,

    /// <summary>The seller was right: the listing is decided again, the strike voided or the shop reinstated.</summary>
    Granted = 2,
}

/// <summary>
/// A seller's appeal against one decision, with a statement and up to three evidence files, answered by an admin
/// before a due time counted in working days. One appeal per subject may be open at a time.
/// </summary>
public sealed class Appeal
{
    public const int MaxDocuments = 3;
    public const int StatementMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    private readonly List<AppealDocument> _documents = [];

    private Appeal()
    {
        Statement = string.Empty;
    }

    public Appeal(int sellerId, AppealSubject subject, long subjectId, long? listingId, string statement, DateTimeOffset submittedAt, DateTimeOffset dueAt)
        : this()
    {
        SellerId = sellerId;
        Subject = subject;
        SubjectId = subjectId;
        ListingId = listingId;
        Statement = Text(statement, StatementMaxLength, "appeal.statement_required");
        SubmittedAt = submittedAt;
        DueAt = dueAt >= submittedAt ? dueAt : throw new DomainException("appeal.due_before_submitted", "An appeal is due after it is submitted.");
        Status = AppealStatus.Open;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public AppealSubject Subject { get; private set; }

    /// <summary>The listing, strike or shop appealed against, by <see cref="Subject"/>.</summary>
    public long SubjectId { get; private set; }

    /// <summary>The listing concerned, for listing subjects and strikes.</summary>
    public long? ListingId { get; private set; }

    public string Statement { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public AppealStatus Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    /// <summary>The admin's answer, which the seller reads.</summary>
    public string? DecisionNote { get; private set; }

    public IReadOnlyCollection<AppealDocument> Documents => _documents.AsReadOnly();

    public bool IsOverdueAt(DateTimeOffset at) => Status == AppealStatus.Open && at > DueAt;

    /// <summary>The subject a listing in this state can be appealed as, or null when there is nothing to appeal.</summary>
    public static AppealSubject? SubjectFor(ListingState state, IReadOnlyCollection<string> reasonCodes)
    {
        ArgumentNullException.ThrowIfNull(reasonCodes);
        return state switch
        {
            ListingState.Rejected => AppealSubject.ListingRejection,
            ListingState.Suspended => AppealSubject.ListingSuspension,
            ListingState.PendingReview when reasonCodes.Contains(ReasonCodes.UnverifiedLocalOrigin) => AppealSubject.UnverifiedOrigin,
            ListingState.PendingReview => AppealSubject.ReviewHold,
            _ => null,
        };
    }

    public void AddDocument(string storedName, string contentType, string fileName, long bytes)
    {
        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException("appeal.too_many_documents", "At most 3 evidence files.");
        }

        _documents.Add(new AppealDocument(storedName, contentType, fileName, bytes));
    }

    public void Uphold(string note, string admin, DateTimeOffset at) => Decide(AppealStatus.Upheld, note, admin, at);

    public void Grant(string note, string admin, DateTimeOffset at) => Decide(AppealStatus.Granted, note, admin, at);

    private void Decide(AppealStatus outcome, string note, string admin, DateTimeOffset at)
    {
        if (Status != AppealStatus.Open)
        {
            throw new DomainException("appeal.decided", "This appeal has been decided already.");
        }

        DecisionNote = Text(note, NoteMaxLength, "appeal.note_required");
        Status = outcome;
        DecidedBy = admin;
        DecidedAt = at;
    }

    private static string Text(string value, int max, string code) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max
            ? throw new DomainException(code, $"Write 1 to {max} characters.")
            : value.Trim();
}

/// <summary>An evidence file of an appeal (PDF, JPEG or PNG), kept outside the web root; only the shop and admins may read it.</summary>
public sealed class AppealDocument
{
    private AppealDocument()
    {
        StoredName = string.Empty;
        ContentType = string.Empty;
        FileName = string.Empty;
    }

    internal AppealDocument(string storedName, string contentType, string fileName, long bytes)
    {
        StoredName = storedName;
        ContentType = contentType;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        Bytes = bytes;
    }

    public long Id { get; private set; }

    public string StoredName { get; private set; }

    public string ContentType { get; private set; }

    public string FileName { get; private set; }

    public long Bytes { get; private set; }
}
