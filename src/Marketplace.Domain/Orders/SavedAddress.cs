namespace Marketplace.Domain.Orders;

/// <summary>An address in a shopper's address book; the default one fills in checkout.</summary>
public sealed class SavedAddress
{
    public const int MaxPerShopper = 10;

    private SavedAddress()
    {
        UserId = string.Empty;
        Address = null!;
    }

    public SavedAddress(string userId, ShippingAddress address, DateTimeOffset at)
        : this()
    {
        UserId = userId;
        Address = address ?? throw new DomainException("address.required", "An address book entry needs an address.");
        SavedAt = at;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public ShippingAddress Address { get; private set; }

    public bool IsDefault { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>Makes this the shopper's default address (the caller clears the others); using it again counts as saving it now.</summary>
    public void MakeDefault(DateTimeOffset at)
    {
        IsDefault = true;
        SavedAt = at;
    }

    public void ClearDefault() => IsDefault = false;
}
