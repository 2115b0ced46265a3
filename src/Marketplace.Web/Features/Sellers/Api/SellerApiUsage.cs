namespace Marketplace.Web.Features.Sellers.Api;

/// <summary>
/// Requests one API token made in one fixed minute. Kept in PostgreSQL, not in a node's memory, so the limit holds
/// however many web nodes share the traffic.
/// </summary>
public sealed class SellerApiUsage
{
    public int TokenId { get; private set; }

    public DateTimeOffset WindowStart { get; private set; }

    public int Requests { get; private set; }
}
