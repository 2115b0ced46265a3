using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.Domain.Enforcement;

/// <summary>The authority that orders listings down. Stored as a number: append new bodies at the end.</summary>
public enum RegulatorBody
{
    /// <summary>Kementerian Perdagangan, the trade ministry.</summary>
    Kemendag = 0,

    /// <summary>Badan Pengawas Obat dan Makanan, the food and drug authority.</summary>
    Bpom = 1,

    /// <summary>Direktorat Jenderal Bea dan Cukai, customs.</summary>
    BeaCukai = 2,

    /// <summary>Kementerian Komunikasi dan Informatika.</summary>
    Kominfo = 3,

    /// <summary>Any other body, named in the request.</summary>
    Other = 9,
}

public enum TakedownStatus
{
    /// <summary>Every line named a listing, and each is down.</summary>
    Done = 0,

    /// <summary>Some lines named no listing; the deadline has not passed.</summary>
    PartlyDone = 1,

    /// <summary>Some lines named no listing and the deadline passed.</summary>
    Overdue = 2,

    /// <summary>The regulator withdrew the request; the listings only it named were decided again.</summary>
    Withdrawn = 3,
}

/// <summary>One line of a request: the URL or id as the regulator wrote it, and the listing it names, if any.</summary>
public sealed class TakedownItem
{
    public const int LineMaxLength = 500;

    private TakedownItem()
    {
        Line = string.Empty;
    }

    internal TakedownItem(string line, long? listingId)
        : this()
    {
        Line = line;
        ListingId = listingId;
    }

    public long Id { get; private set; }

    public string Line { get; private set; }

    public long? ListingId { get; private set; }

    internal void Match(long listingId)
    {
        if (ListingId is not null)
        {
            throw new DomainException("takedown.line_matched", "This line already names a listing.");
        }

        ListingId = listingId;
    }
}

/// <summary>
/// A regulator's order to take listings down (Kemendag, BPOM, Bea Cukai, Kominfo...), as an admin recorded it: who
/// ordered, under which reference and legal basis, the listings named, and the deadline. The named listings come down
/// when it is recorded; a line that names no listing keeps the request short of done, and overdue after the deadline.
/// </summary>
public sealed partial class TakedownRequest
{
    public const int BodyNameMaxLength = 100;
    public const int ReferenceMaxLength = 100;
    public const int LegalBasisMaxLength = 500;
    public const int WithdrawalReasonMaxLength = 500;
    public const int MaxLines = 200;

    private readonly List<TakedownItem> _items = [];

    private TakedownRequest()
    {
        ReferenceNumber = string.Empty;
        LegalBasis = string.Empty;
        CreatedBy = string.Empty;
    }

    public TakedownRequest(
        RegulatorBody body, string? bodyName, string referenceNumber, string legalBasis, IReadOnlyList<(string Line, long? ListingId)> lines,
        DateTimeOffset receivedAt, DateTimeOffset dueAt, string createdBy)
        : this()
    {
        ArgumentNullException.ThrowIfNull(lines);
        Body = Enum.IsDefined(body) ? body : throw new DomainException("takedown.body_required", "Choose the body that issued the request.");
        BodyName = body == RegulatorBody.Other
            ? Required(bodyName, BodyNameMaxLength, "takedown.body_name_required", "Name the body that issued the request.")
            : null;
        ReferenceNumber = Required(referenceNumber, ReferenceMaxLength, "takedown.reference_required", "The request needs its reference number.");
        LegalBasis = Required(legalBasis, LegalBasisMaxLength, "takedown.legal_basis_required", "The request needs its legal basis.");
        if (lines.Count == 0 || lines.Count > MaxLines)
        {
            throw new DomainException("takedown.lines_required", $"Name between 1 and {MaxLines} listings, one per line.");
        }

        if (dueAt <= receivedAt)
        {
            throw new DomainException("takedown.deadline_past", "The deadline must come after the request is recorded.");
        }

        _items.AddRange(lines.Select(l => new TakedownItem(l.Line, l.ListingId)));
        ReceivedAt = receivedAt;
        DueAt = dueAt;
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }

    public RegulatorBody Body { get; private set; }

    /// <summary>The issuing body's name when it is none of the listed ones.</summary>
    public string? BodyName { get; private set; }

    public string ReferenceNumber { get; private set; }

    public string LegalBasis { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnBy { get; private set; }

    /// <summary>Why the request no longer holds, as the regulator's letter of withdrawal says.</summary>
    public string? WithdrawalReason { get; private set; }

    public IReadOnlyCollection<TakedownItem> Items => _items.AsReadOnly();

    /// <summary>The issuer as regulators write it: the body's short name, or the name an admin gave.</summary>
    public string Issuer => IssuerOf(Body, BodyName);

    /// <summary>How the request is cited on each listing it took down, in the seller's and the regulator's words alike.</summary>
    public string Citation => $"{Issuer} {ReferenceNumber} ({LegalBasis})";

    public static string IssuerOf(RegulatorBody body, string? bodyName) => body switch
    {
        RegulatorBody.Kemendag => "Kemendag",
        RegulatorBody.Bpom => "BPOM",
        RegulatorBody.BeaCukai => "Bea Cukai",
        RegulatorBody.Kominfo => "Kominfo",
        _ => bodyName ?? "-",
    };

    public static TakedownStatus StatusOf(int unmatchedLines, DateTimeOffset dueAt, bool withdrawn, DateTimeOffset at) =>
        withdrawn ? TakedownStatus.Withdrawn
        : unmatchedLines == 0 ? TakedownStatus.Done
        : at > dueAt ? TakedownStatus.Overdue
        : TakedownStatus.PartlyDone;

    public TakedownStatus StatusAt(DateTimeOffset at) => StatusOf(_items.Count(i => i.ListingId is null), DueAt, WithdrawnAt is not null, at);

    /// <summary>
    /// An admin found the listing a line meant (a mistyped address, a listing moved): the line keeps the regulator's
    /// words and now names the listing. A withdrawn request takes nothing down any more.
    /// </summary>
    public void MatchLine(long itemId, long listingId)
    {
        EnsureInForce();
        var item = _items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("takedown.line_not_found", "The request has no such line.");
        item.Match(listingId);
    }

    /// <summary>The regulator withdrew its request; once, with the reason its letter gives.</summary>
    public void Withdraw(string? reason, string by, DateTimeOffset at)
    {
        EnsureInForce();
        WithdrawalReason = Required(reason, WithdrawalReasonMaxLength, "takedown.withdrawal_reason_required", "Say why the request was withdrawn.");
        WithdrawnBy = by;
        WithdrawnAt = at;
    }

    /// <summary>The lines of what an admin pasted: trimmed, blank ones dropped, each once, cut to the stored length.</summary>
    public static IReadOnlyList<string> LinesOf(string? text) =>
        (text ?? string.Empty).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Select(l => l.Length > TakedownItem.LineMaxLength ? l[..TakedownItem.LineMaxLength] : l)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The listing id a line names: a bare id, or a product page's address (<c>/p/{id}</c>, with or without the host).</summary>
    public static long? ListingIdIn(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = ProductAddress().Match(line);
        return match.Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private void EnsureInForce()
    {
        if (WithdrawnAt is not null)
        {
            throw new DomainException("takedown.withdrawn", "The request was withdrawn.");
        }
    }

    private static string Required(string? value, int maxLength, string code, string message) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > maxLength ? throw new DomainException(code, message) : value.Trim();

    [GeneratedRegex(@"^(?:(?<id>\d{1,18})|(?:https?://[^/\s]+)?/p/(?<id>\d{1,18})/?(?:[?#]\S*)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProductAddress();
}
