using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Data;

/// <summary>
/// The hot-standby replicas storefront reads may use (<c>ConnectionStrings:MarketplaceReplicas</c>, one host or several),
/// through Npgsql's multi-host data source preferring standbys; without the setting there are none and every read stays on
/// the primary. Also keeps each signed-in user's last write position in a cookie, so that user reads its own writes.
/// </summary>
public sealed class ReadReplicas : IDisposable
{
    public const string ConnectionStringName = "MarketplaceReplicas";

    /// <summary>The meter of <see cref="Reads"/>: storefront reads counted by the database that served them.</summary>
    public const string MeterName = "Marketplace.Storefront";

    public const string ReadsInstrument = "marketplace.storefront.reads";

    public const string WritePositionCookie = "mp.wrote";

    public const string ReplayLagInstrument = "marketplace.replica.replay.lag";

    public const string ReplayLagTimeInstrument = "marketplace.replica.replay.lag.time";

    public const string FenceLagInstrument = "marketplace.replica.fence.lag";

    private readonly NpgsqlDataSource _primary;
    private readonly NpgsqlMultiHostDataSource? _standbys;
    private readonly IDataProtector _protector;
    private PooledDbContextFactory<MarketplaceDbContext>? _contexts;
    private ReplicaLag? _lag;

    public ReadReplicas(string? connectionString, NpgsqlDataSource primary, IDataProtectionProvider protection, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(meters);
        _primary = primary;
        _protector = protection.CreateProtector("Marketplace.WritePosition");
        Reads = meters.Create(MeterName).CreateCounter<long>(
            ReadsInstrument, "{request}", "Storefront requests by the database that served their reads (tag database: replica or primary; reason).");
        var meter = Reads.Meter;
        meter.CreateObservableGauge(
            ReplayLagInstrument, () => Lag<long>(l => l.Bytes), "By", "WAL bytes the primary had inserted that the replica had not replayed, at this node's latest storefront request");
        meter.CreateObservableGauge(
            ReplayLagTimeInstrument, () => Lag<double>(l => l.Seconds), "s", "Seconds since the replica replayed its last transaction while it lagged (0 when caught up), at this node's latest storefront request");
        meter.CreateObservableGauge(
            FenceLagInstrument, () => Lag<long>(l => l.BehindFence), "By", "WAL bytes between the policy fence and the replica's replay position (0 when past it: the replica may serve), at this node's latest storefront request");
        if (connectionString is null)
        {
            return;
        }

        _standbys = new NpgsqlDataSourceBuilder(connectionString).BuildMultiHost();
    }

    public bool AreConfigured => _standbys is not null;

    /// <summary>
    /// Contexts on a standby, with the primary's own model: EF's compiled queries (the catalog tree's) refuse to run on a
    /// context whose model is another instance. Null when no replica is configured.
    /// </summary>
    public IDbContextFactory<MarketplaceDbContext>? ContextsWith(IModel model)
    {
        if (_standbys is null)
        {
            return null;
        }

        if (_contexts is null)
        {
            var options = new DbContextOptionsBuilder<MarketplaceDbContext>().UseModel(model);
            DataServices.UseMarketplace(options, _standbys.WithTargetSession(TargetSessionAttributes.PreferStandby));
            Interlocked.CompareExchange(ref _contexts, new PooledDbContextFactory<MarketplaceDbContext>(options.Options), null);
        }

        return _contexts;
    }

    public Counter<long> Reads { get; }

    /// <summary>
    /// Keeps what a storefront request learnt anyway (the fence and the primary's position, read together, and the replica's
    /// replay position and last replayed transaction's age, asked together) for the lag gauges, so a scrape asks no
    /// database. A replica that did not answer clears them: no lag is reported rather than a stale one.
    /// </summary>
    public void Observe(NpgsqlLogSequenceNumber fence, NpgsqlLogSequenceNumber primary, NpgsqlLogSequenceNumber? replayed, double? sinceLastReplay)
    {
        if (replayed is not { } position)
        {
            Volatile.Write(ref _lag, null);
            return;
        }

        var bytes = BytesBetween(position, primary);
        Volatile.Write(ref _lag, new ReplicaLag(bytes, bytes == 0 ? 0 : sinceLastReplay, BytesBetween(position, fence)));
    }

    /// <summary>
    /// Remembers, for this browser, the primary's WAL position after its write: its next storefront reads stay on the
    /// primary until a replica has replayed that far (GitLab's "sticking", kept in a cookie so every node sees it).
    /// </summary>
    public async Task RememberWriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var command = _primary.CreateCommand("SELECT pg_current_wal_insert_lsn()");
        var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync())!;
        context.Response.Cookies.Append(WritePositionCookie, _protector.Protect(position.ToString()), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
    }

    /// <summary>The position this browser last wrote at, or zero; a cookie not signed by this site counts as none.</summary>
    public NpgsqlLogSequenceNumber LastWriteOf(HttpContext? context)
    {
        if (context?.Request.Cookies[WritePositionCookie] is not { } cookie)
        {
            return default;
        }

        try
        {
            return NpgsqlLogSequenceNumber.TryParse(_protector.Unprotect(cookie), out var position) ? position : default;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return default;
        }
    }

    public void Dispose() => _standbys?.Dispose();

    private static long BytesBetween(NpgsqlLogSequenceNumber replayed, NpgsqlLogSequenceNumber target) =>
        target > replayed ? (long)((ulong)target - (ulong)replayed) : 0;

    private IEnumerable<Measurement<T>> Lag<T>(Func<ReplicaLag, T?> value)
        where T : struct =>
        Volatile.Read(ref _lag) is { } lag && value(lag) is { } measured ? [new Measurement<T>(measured)] : [];

    /// <summary>One storefront request's view of its replica: bytes behind the primary, seconds, bytes behind the fence.</summary>
    private sealed record ReplicaLag(long Bytes, double? Seconds, long BehindFence);
}
