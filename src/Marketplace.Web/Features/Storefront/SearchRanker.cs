using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Marketplace.Web.Features.Storefront;

/// <summary>A search to rank: its words, filters and sort (not the page) and where it looks.</summary>
public sealed record SearchToRank(ListingQuery Query, ShelfScope Scope);

/// <summary>
/// Ranks searches on this node: once at a time per search however many requests need it at the same moment, and stale ones
/// off the request, in the background. Nothing here must survive the node: a search dropped from the bounded queue, or lost
/// with its node, is claimed again once stale (<see cref="SearchRankingCache"/>); the background ranks one search at a time,
/// so a burst of stale searches cannot take every core of the database.
/// </summary>
public sealed class SearchRanker(IServiceScopeFactory scopes, ILogger<SearchRanker> logger) : BackgroundService
{
    private readonly Channel<SearchToRank> _stale = Channel.CreateBounded<SearchToRank>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly ConcurrentDictionary<string, Task<long[]>> _ranking = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="rank"/> unless another request of this node is already ranking <paramref name="key"/>, in which
    /// case its result is awaited instead: 32 shoppers landing on a search nobody ranked yet cost one ranking, not 32. Should
    /// that ranking fail or be cancelled with its request, each waiting request ranks for itself.
    /// </summary>
    public async Task<long[]> RankOnceAsync(string key, Func<Task<long[]>> rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var mine = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _ranking.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            await Task.WhenAny(running).WaitAsync(cancellationToken);
            return running.IsCompletedSuccessfully ? running.Result : await rank();
        }

        try
        {
            var ids = await rank();
            mine.SetResult(ids);
            return ids;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _ranking.TryRemove(KeyValuePair.Create(key, mine.Task));
        }
    }

    /// <summary>Has a stale search ranked again soon, off the request that found it stale.</summary>
    public void RankLater(SearchToRank search) => _stale.Writer.TryWrite(search);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var search in _stale.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ListingSearch>().RankAsync(search, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Ranking the search {Query} again failed; it is claimed again once stale", search.Query.ToQueryString());
            }
        }
    }
}
