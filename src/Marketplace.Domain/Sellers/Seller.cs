using Marketplace.Domain.Listings;

namespace Marketplace.Domain.Sellers;

/// <summary>A shop on the marketplace: a local UMKM or a cross-border trader.</summary>
public sealed class Seller
{
    private Seller()
    {
        UserId = string.Empty;
        StoreName = string.Empty;
        Slug = string.Empty;
        CountryCode = Sellers.CountryCode.Indonesia;
        Province = string.Empty;
        City = string.Empty;
    }

    public Seller(string userId, string storeName, string slug, SellerOrigin origin, string countryCode, string province, string city, string? nib, DateTimeOffset openedAt)
        : this()
    {
        UserId = string.IsNullOrWhiteSpace(userId) ? throw new DomainException("seller.user_required", "A seller belongs to a user.") : userId;
        Rename(storeName, slug);
        SetOrigin(origin, countryCode);
        Relocate(province, city);
        Nib = BusinessNumber.NormalizeOptional(nib);
        OpenedAt = openedAt;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; }

    public string StoreName { get; private set; }

    /// <summary>Unique part of the shop's URL.</summary>
    public string Slug { get; private set; }

    public SellerOrigin Origin { get; private set; }

    public string CountryCode { get; private set; }

    public string Province { get; private set; }

    public string City { get; private set; }

    public string? Nib { get; private set; }

    /// <summary>Where shoppers and the platform reach the shop; required when a shop is opened in the portal.</summary>
    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>The street the courier picks parcels up from, printed on labels as the sender's address.</summary>
    public string? PickupStreet { get; private set; }

    public string? PickupPostalCode { get; private set; }

    public SellerStatus Status { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When an admin verified the evidence of local status (NIB or NIK, an Indonesian address); null while unverified.</summary>
    public DateTimeOffset? VerifiedAt { get; private set; }

    public bool IsVerified => VerifiedAt is not null;

    /// <summary>Where the shop's claim to local status stands; the policy treats a shop as local only once verified.</summary>
    public OriginVerification Verification { get; private set; }

    /// <summary>Why an admin refused the last request for local status, shown to the seller.</summary>
    public string? VerificationNote { get; private set; }

    /// <summary>A shop that says it is local but whose evidence no admin has verified yet.</summary>
    public bool LocalOriginUnverified => Origin == SellerOrigin.Local && VerifiedAt is null;

    public uint Version { get; private set; }

    public bool IsCrossBorder => PlacedListings.IsShopAbroad(Origin);

    /// <summary>A shop that is not active (suspended, or any status added later) may be read but not changed.</summary>
    public bool IsReadOnly => IsReadOnlyStatus(Status);

    public static bool IsReadOnlyStatus(SellerStatus status) => status != SellerStatus.Active;

    public void Rename(string storeName, string slug)
    {
        StoreName = string.IsNullOrWhiteSpace(storeName) || storeName.Trim().Length > 80
            ? throw new DomainException("seller.name_invalid", "A store name has 1 to 80 characters.")
            : storeName.Trim();
        Slug = Catalog.CategorySlug.Normalize(slug);
    }

    public void Relocate(string province, string city)
    {
        Province = province?.Trim() ?? string.Empty;
        City = city?.Trim() ?? string.Empty;
    }

    public void SetNib(string? nib) => Nib = BusinessNumber.NormalizeOptional(nib);

    /// <summary>Where parcels are picked up: a street (at most 300 characters) and a 5-digit postal code, both optional.</summary>
    public void SetPickupAddress(string? street, string? postalCode)
    {
        var road = string.IsNullOrWhiteSpace(street) ? null : street.Trim();
        if (road is { Length: > 300 })
        {
            throw new DomainException("seller.pickup_street_invalid", "A street has at most 300 characters.");
        }

        var postal = string.IsNullOrWhiteSpace(postalCode) ? null : postalCode.Trim();
        if (postal is not null && (postal.Length != 5 || !postal.All(char.IsAsciiDigit)))
        {
            throw new DomainException("seller.pickup_postal_code_invalid", "An Indonesian postal code has 5 digits.");
        }

        (PickupStreet, PickupPostalCode) = (road, postal);
    }

    public void SetContact(string email, string phone)
    {
        var contact = SellerContact.Create(email, phone);
        ContactEmail = contact.Email;
        ContactPhone = contact.Phone;
    }

    /// <summary>
    /// A local seller is based in Indonesia; a cross-border seller is not. Only the opening of a shop and an admin's
    /// verification set a local origin; a seller moving toward local asks for verification instead. Moving to
    /// cross-border drops any verification. The caller re-decides the seller's listings.
    /// </summary>
    public void SetOrigin(SellerOrigin origin, string countryCode)
    {
        CountryCode = CheckOrigin(origin, countryCode);
        if (PlacedListings.IsShopAbroad(origin))
        {
            VerifiedAt = null;
            Verification = OriginVerification.NotRequested;
        }

        Origin = origin;
    }

    /// <summary>The seller sent evidence of local status; until an admin verifies it the shop keeps its current treatment.</summary>
    public void RequestLocalVerification()
    {
        if (Verification == OriginVerification.Verified && Origin == SellerOrigin.Local)
        {
            throw new DomainException("seller.already_verified", "This shop's local status is verified already.");
        }

        Verification = OriginVerification.Pending;
        VerificationNote = null;
    }

    /// <summary>An admin checked the evidence: the shop is local, based in Indonesia, from <paramref name="at"/>.</summary>
    public void VerifyLocalOrigin(DateTimeOffset at)
    {
        if (Verification != OriginVerification.Pending)
        {
            throw new DomainException("seller.no_verification_request", "There is no request for local status to verify.");
        }

        Origin = SellerOrigin.Local;
        CountryCode = Sellers.CountryCode.Indonesia;
        Verification = OriginVerification.Verified;
        VerificationNote = null;
        VerifiedAt = at;
    }

    /// <summary>An admin found the evidence wanting; the seller reads why and may send better evidence.</summary>
    public void RefuseLocalOrigin(string reason)
    {
        if (Verification != OriginVerification.Pending)
        {
            throw new DomainException("seller.no_verification_request", "There is no request for local status to refuse.");
        }

        Verification = OriginVerification.Refused;
        VerificationNote = string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("seller.refusal_reason_required", "A refusal needs a reason the seller can read.")
            : reason.Trim();
    }

    /// <summary>The normalised country when it agrees with the origin; lets a form check an origin change before the policy runs it.</summary>
    public static string CheckOrigin(SellerOrigin origin, string countryCode)
    {
        var country = Sellers.CountryCode.Normalize(countryCode);
        return (origin == SellerOrigin.Local) == (country == Sellers.CountryCode.Indonesia)
            ? country
            : throw new DomainException("seller.origin_country_mismatch", "A local seller is based in Indonesia and a cross-border seller abroad.");
    }

    public void Suspend(string reason, DateTimeOffset at)
    {
        SuspensionReason = string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("seller.suspension_reason_required", "A suspension needs a reason.")
            : reason.Trim();
        Status = SellerStatus.Suspended;
        SuspendedAt = at;
    }

    /// <summary>The platform closes the shop; <see cref="Reinstate"/> reopens it.</summary>
    public void Close(string reason, DateTimeOffset at)
    {
        Suspend(reason, at);
        Status = SellerStatus.Closed;
    }

    public void Reinstate()
    {
        Status = SellerStatus.Active;
        SuspensionReason = null;
        SuspendedAt = null;
    }
}
