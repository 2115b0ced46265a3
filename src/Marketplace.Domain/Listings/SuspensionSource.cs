namespace Marketplace.Domain.Listings;

public enum SuspensionSource
{
    /// <summary>Taken down by a rule change; comes back by itself when the rules allow it again.</summary>
    Policy = 0,

    /// <summary>Taken down by an admin; only an admin brings it back.</summary>
    Admin = 1,
}
