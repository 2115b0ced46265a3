using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Storefront;

/// <summary>
/// Rebuilds the typo vocabulary and deletes forgotten search rankings. Every web node runs one; a transaction-scoped
/// advisory lock lets one node do each round while the others skip it.
/// </summary>
internal sealed class SearchMaintenance(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SearchMaintenance> logger)
    : BackgroundService
{
    private const long LockKey = 0x5EA7C4_0001;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Search:VocabularyRefreshMinutes", 10));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
                if (await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(stoppingToken))
                {
                    var forgottenBefore = clock.GetUtcNow() - SearchRankingCache.KeptFor;
                    await db.SearchRankings.Where(r => r.RankedAt < forgottenBefore).ExecuteDeleteAsync(stoppingToken);
                    await scope.ServiceProvider.GetRequiredService<SearchVocabulary>().RefreshAsync(stoppingToken);
                }

                await transaction.CommitAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Search maintenance failed; trying again in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
