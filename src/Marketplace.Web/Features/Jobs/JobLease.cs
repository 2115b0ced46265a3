namespace Marketplace.Web.Features.Jobs;

/// <summary>
/// The lease of one periodic job that the whole cluster runs once per interval (the scheduled block sweep, the unpaid
/// order expiry): which node holds it, until when, and when it is next due. Read and written by <see cref="JobLeases"/> only.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    private JobLease()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The node that holds the lease, or held it last.</summary>
    public string? Holder { get; private set; }

    /// <summary>Null while nobody runs the job.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset NextRunAt { get; private set; }
}
