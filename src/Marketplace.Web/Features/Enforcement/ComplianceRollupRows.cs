namespace Marketplace.Web.Features.Enforcement;

/// <summary>
/// The compliance report's decision figures for one closed WIB day in one cluster (0: listings with none), counted from
/// policy_decisions by <see cref="ComplianceRollup"/> so the report reads a few rows per day instead of every decision.
/// Read and written in SQL only; EF knows it for the schema.
/// </summary>
public sealed class DecisionDayCount
{
    private DecisionDayCount()
    {
    }

    public DateOnly Day { get; private set; }

    public int ClusterId { get; private set; }

    /// <summary>Seller attempts (publish, edit, CSV, API) the policy blocked.</summary>
    public long Blocked { get; private set; }

    public long Held { get; private set; }

    /// <summary>Listings an admin approved out of review.</summary>
    public long Released { get; private set; }
}

/// <summary>
/// How long the admin took over one review that a closed WIB day saw (an approval or rejection, from the listing's hold),
/// kept by <see cref="ComplianceRollup"/> so the report's percentiles read one narrow row per review instead of looking
/// the hold up among the decisions. Read and written in SQL only.
/// </summary>
public sealed class ReviewTime
{
    private ReviewTime()
    {
    }

    /// <summary>The admin action that approved or rejected the listing.</summary>
    public long AdminActionId { get; private set; }

    /// <summary>The WIB day of the admin action.</summary>
    public DateOnly Day { get; private set; }

    public double Seconds { get; private set; }
}

/// <summary>How far a rollup has counted: every day before <see cref="Until"/> is in it.</summary>
public sealed class RollupMark
{
    public const int NameMaxLength = 100;

    private RollupMark()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public DateOnly Until { get; private set; }
}
