namespace Marketplace.Domain.Sellers;

/// <summary>
/// What a seller sends to be treated as local: an NIB (business registration) or NIK (identity number), an Indonesian
/// address, and scanned documents. An admin verifies or refuses it; the shop's origin follows only a verification.
/// </summary>
public sealed class OriginEvidence
{
    public const int MaxDocuments = 3;

    private readonly List<EvidenceDocument> _documents = [];

    private OriginEvidence()
    {
        IdentityNumber = string.Empty;
        Address = string.Empty;
        City = string.Empty;
        Province = string.Empty;
        PostalCode = string.Empty;
    }

    public OriginEvidence(int sellerId, string? nib, string? nik, string address, string city, string province, string postalCode, DateTimeOffset at)
        : this()
    {
        SellerId = sellerId;
        var business = BusinessNumber.NormalizeOptional(nib);
        var person = string.IsNullOrWhiteSpace(nik) ? null : NormalizeNik(nik);
        (Kind, IdentityNumber) = (business, person) switch
        {
            ({ } b, _) => (EvidenceKind.Nib, b),
            (null, { } p) => (EvidenceKind.Nik, p),
            _ => throw new DomainException("evidence.number_required", "Give an NIB (13 digits) or an NIK (16 digits)."),
        };
        Address = Required(address, 300, "evidence.address_required");
        City = Required(city, 100, "evidence.address_required");
        Province = Required(province, 100, "evidence.address_required");
        PostalCode = postalCode?.Trim() is { Length: 5 } code && code.All(char.IsAsciiDigit)
            ? code
            : throw new DomainException("evidence.postal_code_invalid", "An Indonesian postal code has 5 digits.");
        SubmittedAt = at;
        Status = OriginVerification.Pending;
    }

    public long Id { get; private set; }

    public int SellerId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    public string IdentityNumber { get; private set; }

    public string Address { get; private set; }

    public string City { get; private set; }

    public string Province { get; private set; }

    public string PostalCode { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public OriginVerification Status { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyCollection<EvidenceDocument> Documents => _documents.AsReadOnly();

    public void AddDocument(string storedName, string contentType, string fileName, long bytes)
    {
        if (_documents.Count >= MaxDocuments)
        {
            throw new DomainException("evidence.too_many_documents", "At most 3 documents.");
        }

        _documents.Add(new EvidenceDocument(storedName, contentType, fileName, bytes));
    }

    public void Verify(string admin, DateTimeOffset at) => Decide(OriginVerification.Verified, admin, null, at);

    public void Refuse(string admin, string reason, DateTimeOffset at) => Decide(OriginVerification.Refused, admin, reason, at);

    private void Decide(OriginVerification outcome, string admin, string? note, DateTimeOffset at)
    {
        if (Status != OriginVerification.Pending)
        {
            throw new DomainException("evidence.decided", "This evidence has been decided already.");
        }

        Status = outcome;
        DecidedBy = admin;
        Note = note?.Trim();
        DecidedAt = at;
    }

    private static string NormalizeNik(string nik)
    {
        var value = nik.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return value is { Length: 16 } && value.All(char.IsAsciiDigit)
            ? value
            : throw new DomainException("evidence.nik_invalid", "An NIK has 16 digits.");
    }

    private static string Required(string value, int max, string code) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max
            ? throw new DomainException(code, "An Indonesian address with street, city and province is required.")
            : value.Trim();
}

public enum EvidenceKind
{
    /// <summary>Nomor Induk Berusaha: a registered business.</summary>
    Nib = 0,

    /// <summary>Nomor Induk Kependudukan: an individual's identity number.</summary>
    Nik = 1,
}

/// <summary>A scanned document (PDF, JPEG or PNG) kept outside the web root; only the shop and admins may read it.</summary>
public sealed class EvidenceDocument
{
    private EvidenceDocument()
    {
        StoredName = string.Empty;
        ContentType = string.Empty;
        FileName = string.Empty;
    }

    internal EvidenceDocument(string storedName, string contentType, string fileName, long bytes)
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
