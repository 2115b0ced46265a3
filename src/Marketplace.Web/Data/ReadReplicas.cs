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

    private readonly NpgsqlDataSource _primary;
    private readonly NpgsqlMultiHostDataSource? _standbys;
    private readonly IDataProtector _protector;
    private PooledDbContextFactory<MarketplaceDbContext>? _contexts;

    public ReadReplicas(string? connectionString, NpgsqlDataSource primary, IDataProtectionProvider protection, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(meters);
        _primary = primary;
        _protector = protection.CreateProtector("Marketplace.WritePosition");
        Reads = meters.Create(MeterName).CreateCounter<long>(
            ReadsInstrument, "{request}", "Storefront requests by the database that served their reads (tag database: replica or primary; reason).");
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
}
