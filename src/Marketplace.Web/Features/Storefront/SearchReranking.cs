using System.Threading.Channels;

namespace Marketplace.Web.Features.Storefront;

/// <summary>A search whose cached order a request claimed as stale, to be ranked again off the request.</summary>
public sealed record StaleSearch(ListingQuery Query, ShelfScope Scope);

/// <summary>
/// Searches waiting to be ranked again on this node, one at a time. Bounded and lossy on purpose: a search dropped here, or
/// lost with its node, is only claimed again a few seconds later (<see cref="SearchRankingCache"/>), so nothing depends on
/// this queue surviving; one ranking at a time also keeps a burst of stale searches from taking every core of the database.
/// </summary>
public sealed class SearchReranking
{
    private readonly Channel<StaleSearch> _waiting = Channel.CreateBounded<StaleSearch>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Queue(StaleSearch search) => _waiting.Writer.TryWrite(search);

    public IAsyncEnumerable<StaleSearch> WaitingAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Ranks the searches <see cref="SearchReranking"/> holds, each in a scope of its own.</summary>
internal sealed class SearchReranker(SearchReranking reranking, IServiceScopeFactory scopes, ILogger<SearchReranker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var search in reranking.WaitingAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ListingSearch>().RankAgainAsync(search, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Ranking the search {Query} again failed; it is claimed again once stale", search.Query.ToQueryString());
            }
        }
    }
}
