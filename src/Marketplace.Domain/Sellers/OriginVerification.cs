namespace Marketplace.Domain.Sellers;

/// <summary>Where a shop's request to be treated as a local (Indonesian) seller stands.</summary>
public enum OriginVerification
{
    NotRequested = 0,

    /// <summary>Evidence sent, waiting for an admin.</summary>
    Pending = 1,

    Verified = 2,

    Refused = 3,
}
