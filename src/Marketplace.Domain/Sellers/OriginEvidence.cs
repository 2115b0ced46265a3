namespace Marketplace.Domain.Sellers;

/// <summary>
/// What a seller sends to be treated as local: an NIB (business registration) or NIK (identity number), an Indonesian
/// address, and scanned documents. An admin verifies or refuses it; the shop's origin follows only a verification.
/// </summary>
public sealed class OriginEvidence
{
    public const int MaxDocuments = 3;

    public const int OwnerNameMaxLength = 100;

    private readonly List<EvidenceDocument> _documents = [];

    private readonly List<VerificationFinding> _findings = [];

    private OriginEvidence()
    {
        IdentityNumber = string.Empty;
        Address = string.Empty;
        City = string.Empty;
        Province = string.Empty;
        PostalCode = string.Empty;
    }

    public OriginEvidence(int sellerId, string? nib, string? nik, string address, string city, string province, string postalCode, DateTimeOffset at, string? ownerName = null)
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
        OwnerName = string.IsNullOrWhiteSpace(ownerName) ? null
            : ownerName.Trim().Length <= OwnerNameMaxLength ? ownerName.Trim()
            : throw new DomainException("evidence.owner_name_invalid", "An owner's name has at most 100 characters.");
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

    /// <summary>The owner's name as registered with the NIB, if the seller gave it; either it or the shop's name must match the registry.</summary>
    public string? OwnerName { get; private set; }

    /// <summary>The business registry's answer for the NIB, as it was received and its signature checked: the evidence behind an automatic verification.</summary>
    public string? RegistryAnswer { get; private set; }

    /// <summary>When the registry and the front check last looked at this request; null until they have.</summary>
    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>Why the request waits for an admin; empty once checked means nothing was found.</summary>
    public IReadOnlyCollection<VerificationFinding> Findings => _findings.AsReadOnly();

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

    /// <summary>Records what the registry answered and what the checks found; a later check replaces an earlier one.</summary>
    public void RecordCheck(string? registryAnswer, IEnumerable<VerificationFinding> findings, DateTimeOffset at)
    {
        if (Status != OriginVerification.Pending)
        {
            throw new DomainException("evidence.decided", "This evidence has been decided already.");
        }

        RegistryAnswer = registryAnswer;
        _findings.Clear();
        _findings.AddRange(findings);
        CheckedAt = at;
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
