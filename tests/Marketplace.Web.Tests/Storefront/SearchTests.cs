using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Web.Tests.Infrastructure;

namespace Marketplace.Web.Tests.Storefront;

public sealed class SearchTests(SearchTests.Fixture fixture) : IClassFixture<SearchTests.Fixture>
{
    private Fixture.Catalog Data => fixture.Data;

    private HttpClient Client => fixture.App.CreateBrowserClient();

    [Fact]
    public async Task A_word_finds_listings_with_that_word_in_the_title()
    {
        var ids = await Client.ListingIdsAsync("/Search?q=sepatu");

        ids.Should().BeEquivalentTo([Data.Pantofel, Data.Boots]);
    }

    [Fact]
    public async Task Indonesian_stemming_finds_the_root_of_a_word_with_affixes()
    {
        // "sepatunya" and "berkualitas" are stemmed to "sepatu" and "kualitas".
        (await Client.ListingIdsAsync("/Search?q=sepatunya")).Should().BeEquivalentTo([Data.Pantofel, Data.Boots]);
        (await Client.ListingIdsAsync("/Search?q=kualitas")).Should().BeEquivalentTo([Data.Pantofel]);
    }

    [Theory]
    [InlineData("sepat")]
    [InlineData("SEPA")]
    public async Task A_partly_typed_word_finds_the_words_it_begins(string typed)
    {
        var ids = await Client.ListingIdsAsync("/Search?q=" + typed);

        ids.Should().BeEquivalentTo([Data.Pantofel, Data.Boots]);
    }

    [Fact]
    public async Task A_partly_typed_word_whose_whole_word_the_stemmer_shortens_is_still_found()
    {
        // The stemmer stores "kemeja" as "meja" and "keripik" as "ripik"; the fragments match the unstemmed title words.
        (await Client.ListingIdsAsync("/Search?q=kemej")).Should().BeEquivalentTo([Data.KemejaBatik]);
        (await Client.ListingIdsAsync("/Search?q=kerip")).Should().BeEquivalentTo([Data.Keripik]);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        (await Client.ListingIdsAsync("/Search?q=kulit+sapi")).Should().BeEquivalentTo([Data.Pantofel, Data.Sandal, Data.Belt]);
        (await Client.ListingIdsAsync("/Search?q=sepatu+coklat")).Should().BeEquivalentTo([Data.Boots]);
    }

    [Fact]
    public async Task Relevance_puts_title_matches_before_description_matches()
    {
        var ids = await Client.ListingIdsAsync("/Search?q=kulit");

        ids.Should().HaveCount(4);
        ids[^1].Should().Be(Data.Belt, "the belt has 'kulit' only in its description");
    }

    [Fact]
    public async Task Query_syntax_and_markup_are_treated_as_plain_words()
    {
        using var response = await Client.GetAsync("/Search?q=" + Uri.EscapeDataString("sepatu & | ! :* <script>alert(1)</script> ('"));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task Price_range_keeps_listings_between_the_two_prices()
    {
        var ids = await Client.ListingIdsAsync("/Search?q=kulit&min=150.000&max=500000");

        ids.Should().BeEquivalentTo([Data.Pantofel, Data.Sandal, Data.Belt]);
    }

    [Fact]
    public async Task Origin_filter_separates_local_products_from_imported_ones()
    {
        var local = await Client.ListingIdsAsync("/Search?origin=local&min=100000");
        var imported = await Client.ListingIdsAsync("/Search?origin=imported");

        imported.Should().BeEquivalentTo([Data.Charger, Data.PowerBank, Data.ImportedEarphone], "a local seller's imported product counts as imported");
        local.Should().BeEquivalentTo([Data.Pantofel, Data.Sandal, Data.KemejaBatik, Data.Boots, Data.Belt]);
    }

    [Fact]
    public async Task Province_filter_keeps_sellers_from_that_province()
    {
        var ids = await Client.ListingIdsAsync("/Search?q=keripik&province=Jawa%20Timur");
        var elsewhere = await Client.ListingIdsAsync("/Search?q=sepatu&province=jawa%20timur");

        ids.Should().BeEquivalentTo([Data.Keripik]);
        elsewhere.Should().BeEmpty();
    }

    [Fact]
    public async Task Minimum_tkdn_keeps_listings_with_at_least_that_local_content()
    {
        var ids = await Client.ListingIdsAsync("/Search?tkdn=60");

        ids.Should().BeEquivalentTo([Data.Pantofel, Data.Boots]);
    }

    [Fact]
    public async Task In_stock_filter_drops_sold_out_listings()
    {
        (await Client.ListingIdsAsync("/Search?q=kulit")).Should().Contain(Data.Sandal);
        (await Client.ListingIdsAsync("/Search?q=kulit&stock=1")).Should().NotContain(Data.Sandal).And.Contain(Data.Pantofel);
    }

    [Fact]
    public async Task Sorts_by_newest_and_by_price_both_ways()
    {
        var newest = await Client.ListingIdsAsync("/Search?q=kulit&sort=newest");
        var cheapest = await Client.ListingIdsAsync("/Search?q=kulit&sort=price-asc");
        var dearest = await Client.ListingIdsAsync("/Search?q=kulit&sort=price-desc");

        newest.Should().Equal(Data.Belt, Data.Boots, Data.Sandal, Data.Pantofel);
        cheapest.Should().Equal(Data.Sandal, Data.Belt, Data.Pantofel, Data.Boots);
        dearest.Should().Equal(Data.Boots, Data.Pantofel, Data.Belt, Data.Sandal);
    }

    [Fact]
    public async Task Pages_hold_twenty_four_listings_and_together_show_each_result_once()
    {
        var first = await Client.GetDocumentAsync("/Search?q=kopi&sort=newest");
        var second = await Client.GetDocumentAsync("/Search?q=kopi&sort=newest&page=2");
        var beyond = await Client.ListingIdsAsync("/Search?q=kopi&sort=newest&page=40");

        first.Text(".result-count").Should().Be("30 produk");
        Pages.ListingIds(first).Should().HaveCount(24);
        Pages.ListingIds(second).Should().HaveCount(6);
        Pages.ListingIds(first).Concat(Pages.ListingIds(second)).Should().BeEquivalentTo(Data.Coffee).And.OnlyHaveUniqueItems();
        Pages.ListingIds(first)[0].Should().Be(Data.Coffee[^1], "the coffee added last is the newest");
        beyond.Should().Equal(Pages.ListingIds(second), "a page past the end shows the last page");
        first.QuerySelector("a[rel=next]")!.GetAttribute("href").Should().Be("/Search?q=kopi&sort=newest&page=2");
    }

    [Fact]
    public async Task Filters_and_sort_live_in_the_url_so_a_link_reproduces_the_page()
    {
        var page = await Client.GetDocumentAsync("/Search?q=kulit&origin=local&stock=1&sort=price-asc");

        var sortLink = page.QuerySelectorAll(".sort-links a").Single(a => a.TextContent.Trim() == "Harga tertinggi").GetAttribute("href");
        sortLink.Should().Be("/Search?q=kulit&origin=local&stock=1&sort=price-desc");
        var chip = page.QuerySelectorAll(".filter-chips a").Single(a => a.TextContent.Contains("Hanya yang ada stok", StringComparison.Ordinal)).GetAttribute("href");
        chip.Should().Be("/Search?q=kulit&origin=local&sort=price-asc");
        (await Client.ListingIdsAsync(sortLink!)).Should().Equal(Data.Boots, Data.Pantofel, Data.Belt);
    }

    [Fact]
    public async Task Empty_result_suggests_dropping_the_filters_and_browsing_categories()
    {
        var filtered = await Client.GetDocumentAsync("/Search?q=sepatu&max=1000");
        var nothing = await Client.GetDocumentAsync("/Search?q=zzyzx");

        filtered.Text(".result-count").Should().Be("Tidak ada produk");
        filtered.QuerySelectorAll(".empty-state a").Select(a => a.GetAttribute("href")).Should().Contain("/Search?q=sepatu");
        filtered.Text(".empty-state").Should().Contain("Lihat 2 hasil tanpa filter");
        nothing.QuerySelectorAll(".empty-state a").Select(a => a.GetAttribute("href")).Should().Contain("/c/fesyen-tekstil");
    }

    [Fact]
    public async Task Category_page_lists_the_listings_of_its_sub_categories()
    {
        var branch = await Client.GetDocumentAsync("/c/sepatu-sandal");
        var leaf = await Client.ListingIdsAsync("/c/sepatu-kulit");
        var top = await Client.ListingIdsAsync("/c/fesyen-tekstil?q=kulit&sort=price-asc");

        Pages.ListingIds(branch).Should().BeEquivalentTo([Data.Pantofel, Data.Boots, Data.Sandal]);
        branch.QuerySelectorAll(".subcategories a").Select(a => a.GetAttribute("href")).Should().Contain("/c/sepatu-kulit");
        branch.Text(".breadcrumb").Should().Contain("Fesyen & Tekstil");
        leaf.Should().BeEquivalentTo([Data.Pantofel, Data.Boots]);
        top.Should().Equal(Data.Sandal, Data.Pantofel, Data.Boots);
    }

    [Fact]
    public async Task Category_page_filters_like_search()
    {
        var ids = await Client.ListingIdsAsync("/c/sepatu-sandal?stock=1&tkdn=70");

        ids.Should().Equal(Data.Boots);
    }

    [Fact]
    public async Task Unknown_category_is_not_found()
    {
        using var response = await Client.GetAsync("/c/tidak-ada");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public sealed class Fixture : AppFixture
    {
        public Catalog Data { get; private set; } = null!;

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var shoes = await data.SellerAsync("sepatu-bandung", "Sepatu Bandung", "Jawa Barat", "Bandung");
            var snacks = await data.SellerAsync("keripik-malang", "Keripik Malang", "Jawa Timur", "Malang");
            var gadgets = await data.SellerAsync("gadget-shenzhen", "Gadget Shenzhen", "Guangdong", "Shenzhen", "CN");

            var minutes = 100;
            TimeSpan Age() => TimeSpan.FromMinutes(minutes--);
            var coffee = new List<long>();
            for (var i = 1; i <= 30; i++)
            {
                coffee.Add(await data.ListingAsync(snacks, "kopi-bubuk", $"Kopi Bubuk Robusta {i}", 30_000 + i, age: Age()));
            }

            Data = new Catalog
            {
                Coffee = coffee,
                Pantofel = await data.ListingAsync(shoes, "sepatu-kulit", "Sepatu Kulit Pantofel Hitam", 450_000, stock: 5, tkdn: 60, description: "Sepatu berkualitas dari kulit sapi asli.", age: Age()),
                Sandal = await data.ListingAsync(shoes, "sandal", "Sandal Kulit Sapi", 150_000, stock: 0, age: Age()),
                KemejaBatik = await data.ListingAsync(shoes, "kemeja-batik-pria", "Kemeja Batik Parang", 275_000, tkdn: 45, age: Age()),
                Keripik = await data.ListingAsync(snacks, "keripik", "Keripik Singkong Pedas", 25_000, stock: 50, tkdn: 40, age: Age()),
                Charger = await data.ListingAsync(gadgets, "charger-adaptor", "Charger Cepat USB-C 65W", 180_000, stock: 20, age: Age()),
                PowerBank = await data.ListingAsync(gadgets, "power-bank", "Power Bank 20000 mAh", 250_000, stock: 3, age: Age()),
                ImportedEarphone = await data.ListingAsync(shoes, "earphone", "Earphone Bluetooth", 120_000, origin: ProductOrigin.Imported, age: Age()),
                Boots = await data.ListingAsync(shoes, "sepatu-kulit", "Sepatu Boots Kulit Coklat", 750_000, stock: 2, tkdn: 80, age: Age()),
                Belt = await data.ListingAsync(shoes, "kerajinan-kulit", "Ikat Pinggang Pria", 160_000, description: "Terbuat dari kulit sapi pilihan.", age: Age()),
            };
        }

        public sealed class Catalog
        {
            public required IReadOnlyList<long> Coffee { get; init; }

            public required long Pantofel { get; init; }

            public required long Sandal { get; init; }

            public required long KemejaBatik { get; init; }

            public required long Keripik { get; init; }

            public required long Charger { get; init; }

            public required long PowerBank { get; init; }

            public required long ImportedEarphone { get; init; }

            public required long Boots { get; init; }

            public required long Belt { get; init; }
        }
    }
}
