namespace Marketplace.Domain.Sellers;

/// <summary>
/// What the business registry (OSS, which issues NIBs) says about one NIB: the registered business and its owner, the
/// KBLI codes of its lines of business, its province, and whether the registration is in force.
/// </summary>
public sealed record BusinessRegistration(string Nib, string BusinessName, string OwnerName, IReadOnlyList<string> Kbli, string Province, bool Active);
