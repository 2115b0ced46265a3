using Marketplace.Web.Features.Storefront;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Requests that need the same search ranked at the same moment share one ranking.</summary>
public sealed class SearchRankerTests
{
    private readonly SearchRanker _ranker = new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), NullLogger<SearchRanker>.Instance);

    [Fact]
    public async Task Requests_arriving_while_a_search_is_ranked_await_that_ranking_instead_of_ranking_it_again()
    {
        var release = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leader = _ranker.RankOnceAsync("q=batik", () => release.Task, CancellationToken.None);
        var rankedByFollowers = 0;
        var followers = Enumerable.Range(0, 31)
            .Select(_ => _ranker.RankOnceAsync("q=batik", () => Ranking(Interlocked.Increment(ref rankedByFollowers))(), CancellationToken.None))
            .ToList();
        var otherSearch = await _ranker.RankOnceAsync("q=kopi", Ranking(7), CancellationToken.None);

        release.SetResult([3, 1, 2]);

        (await leader).Should().Equal(3, 1, 2);
        foreach (var follower in followers)
        {
            (await follower).Should().Equal(3, 1, 2);
        }

        rankedByFollowers.Should().Be(0);
        otherSearch.Should().Equal(7L);
        (await _ranker.RankOnceAsync("q=batik", Ranking(9), CancellationToken.None))
            .Should().Equal([9L], "a search is shared only while it is being ranked; the cache keeps it afterwards");
    }

    [Fact]
    public async Task When_the_ranking_they_awaited_fails_each_waiting_request_ranks_for_itself()
    {
        var release = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var leader = _ranker.RankOnceAsync("q=tenun", () => release.Task, CancellationToken.None);
        var follower = _ranker.RankOnceAsync("q=tenun", Ranking(5), CancellationToken.None);

        release.SetException(new OperationCanceledException("the shopper closed the tab"));

        await FluentActions.Awaiting(() => leader).Should().ThrowAsync<OperationCanceledException>();
        (await follower).Should().Equal(5L);
    }

    private static Func<Task<long[]>> Ranking(params long[] ids) => () => Task.FromResult(ids);
}
