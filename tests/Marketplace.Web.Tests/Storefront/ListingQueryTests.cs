using Marketplace.Domain;
using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Web.Tests.Storefront;

public class ListingQueryTests
{
    [Fact]
    public void Url_round_trips_through_the_query_and_leaves_defaults_out()
    {
        var query = Parse("?q=batik%20tulis&min=Rp%20150.000&max=2000000&origin=local&province=jawa%20tengah&tkdn=40&stock=1&sort=price-desc&page=3");

        query.Text.Should().Be("batik tulis");
        query.MinPrice.Should().Be(new Rupiah(150_000));
        query.Province.Should().Be("Jawa Tengah");
        query.ToQueryString().Should().Be("?q=batik%20tulis&min=150000&max=2000000&origin=local&province=Jawa%20Tengah&tkdn=40&stock=1&sort=price-desc&page=3");
        Parse(query.ToQueryString()).Should().Be(query);
        new ListingQuery().ToQueryString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("?q=kopi", true)]
    [InlineData("?q=kopi+gayo&sort=newest", true)]
    [InlineData("?q=kopi&min=&max=&tkdn=", false)]
    [InlineData("?q=kopi&sort=relevance", false)]
    [InlineData("?q=kopi&tkdn=lots", false)]
    [InlineData("?q=kopi&province=Selangor", false)]
    [InlineData("?q=kopi&page=1", false)]
    public void Url_with_empty_invalid_or_default_parameters_is_not_the_written_form(string url, bool written)
    {
        var parameters = new QueryCollection(QueryHelpers.ParseQuery(url));

        ListingQuery.FromUrl(parameters).IsWrittenAs(parameters).Should().Be(written);
    }

    [Fact]
    public void Reversed_price_range_is_put_the_right_way_round()
    {
        var query = Parse("?min=500000&max=100000");

        (query.MinPrice, query.MaxPrice).Should().Be((new Rupiah(100_000), new Rupiah(500_000)));
    }

    [Fact]
    public void Search_terms_keep_letters_and_digits_only_and_become_prefixes()
    {
        var terms = SearchTerms.Parse("  Sepatu & KULIT:* | !(a) 42 <script> sepatu kopi'gayo ");

        terms.Words.Should().Equal("sepatu", "kulit", "42", "script", "kopi", "gayo");
        terms.PrefixTerms.Should().StartWith("(sepatu:* | shoes:* | shoe:*)", "a word also finds its synonyms");
        terms.AnyWord.Should().Be("(sepatu:* | shoes:* | shoe:*) | (kulit:* | leather:*) | 42:* | script:* | (kopi:* | coffee:*) | gayo:*");
        SearchTerms.Parse("!!! ::: a").IsEmpty.Should().BeTrue();
        SearchTerms.Parse("satu dua tiga empat lima enam tujuh").Words.Should().HaveCount(SearchTerms.MaxWords);
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(24, 1, false)]
    [InlineData(25, 2, false)]
    [InlineData(1000, 42, false)]
    [InlineData(1001, 42, true)]
    public void Page_count_is_bounded_by_the_count_limit(int total, int pages, bool capped)
    {
        var results = new ListingResults([], total, 1);

        results.PageCount.Should().Be(pages);
        results.TotalIsCapped.Should().Be(capped);
    }

    private static ListingQuery Parse(string url) => ListingQuery.FromUrl(new QueryCollection(QueryHelpers.ParseQuery(url)));
}
