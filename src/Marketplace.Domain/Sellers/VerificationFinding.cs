namespace Marketplace.Domain.Sellers;

/// <summary>Why a request for local status went to an admin instead of being verified automatically.</summary>
public enum VerificationFindingKind
{
    NibNotFound = 0,
    NibInactive = 1,

    /// <summary>Neither the owner's name nor the business name matches the registration.</summary>
    NameMismatch = 2,
    ProvinceMismatch = 3,

    /// <summary>No KBLI code of the registration covers a cluster the shop sells in; the finding names the cluster.</summary>
    KbliNotCovering = 4,

    /// <summary>The shop shares a fact (NIB, phone number...) with a cross-border, closed or suspended shop: a possible front.</summary>
    SharedWithRiskyShop = 5,

    /// <summary>The registry did not answer, or its answer did not carry a valid signature.</summary>
    RegistryUnavailable = 6,

    /// <summary>An individual's NIK, which no registry here can confirm: a person checks the documents.</summary>
    IdentityNumberOnly = 7,
}

/// <summary>A fact two shops can share that marks one as a possible front for the other. A new kind is one value here and one probe in the front check.</summary>
public enum SharedFact
{
    Nib = 0,
    Phone = 1,

    /// <summary>A listing photo near-identical to one of the other shop's listing photos.</summary>
    ListingPhoto = 2,
}

/// <summary>One reason a request waits for an admin, with what the admin needs to judge it (a cluster, a province, the linked shop).</summary>
public sealed class VerificationFinding
{
    public const int DetailMaxLength = 200;

    private VerificationFinding()
    {
    }

    public VerificationFinding(VerificationFindingKind kind, string? detail = null, SharedFact? fact = null, int? linkedSellerId = null)
    {
        Kind = kind;
        Detail = detail is { Length: > DetailMaxLength } ? detail[..DetailMaxLength] : detail;
        Fact = fact;
        LinkedSellerId = linkedSellerId;
    }

    public long Id { get; private set; }

    public VerificationFindingKind Kind { get; private set; }

    public string? Detail { get; private set; }

    public SharedFact? Fact { get; private set; }

    public int? LinkedSellerId { get; private set; }
}
