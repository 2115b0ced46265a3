using System.Net.Http.Json;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>Search that forgives: misspelt words, words in the other language, and suggestions while typing.</summary>
public sealed class ForgivingSearchTests(ForgivingSearchTests.Fixture fixture) : IClassFixture<ForgivingSearchTests.Fixture>
{
    private Fixture.Catalogue Data => fixture.Data;

    private HttpClient Client => fixture.App.CreateBrowserClient();

    [Theory]
    [InlineData("sepatuu", "sepatu")]
    [InlineData("batk", "batik")]
    [InlineData("kopi gyo", "kopi gayo")]
    public async Task A_misspelt_search_shows_what_the_shopper_meant_at_once_with_a_way_back_to_the_typed_words(string typed, string meant)
    {
        var page = await Client.GetDocumentAsync("/Search?q=" + Uri.EscapeDataString(typed));

        page.Text(".search-corrected .corrected").Should().Be(meant);
        Pages.ListingIds(page).Should().NotBeEmpty().And.BeEquivalentTo(await Client.ListingIdsAsync("/Search?q=" + Uri.EscapeDataString(meant)));
        var asTyped = await Client.GetDocumentAsync(page.QuerySelector(".search-corrected .as-typed")!.GetAttribute("href")!);
        Pages.ListingIds(asTyped).Should().BeEmpty("the words as typed find nothing");
        asTyped.QuerySelector(".search-corrected").Should().BeNull();
        asTyped.Text(".did-you-mean a").Should().Be(meant);
    }

    [Fact]
    public async Task A_search_that_finds_listings_offers_no_correction()
    {
        var page = await Client.GetDocumentAsync("/Search?q=sepatu");

        page.QuerySelector(".did-you-mean").Should().BeNull();
        page.QuerySelector(".search-corrected").Should().BeNull();
    }

    [Fact]
    public async Task Indonesian_and_English_words_find_each_other()
    {
        (await Client.ListingIdsAsync("/Search?q=shoes")).Should().BeEquivalentTo([Data.Pantofel, Data.LeatherShoes]);
        (await Client.ListingIdsAsync("/Search?q=sepatu")).Should().BeEquivalentTo([Data.Pantofel, Data.LeatherShoes]);
        (await Client.ListingIdsAsync("/Search?q=kopi")).Should().BeEquivalentTo([Data.KopiGayo, Data.Coffee]);
        (await Client.ListingIdsAsync("/Search?q=coffee")).Should().BeEquivalentTo([Data.KopiGayo, Data.Coffee]);
    }

    [Theory]
    [InlineData("batik")]
    [InlineData("b a t i k")]
    [InlineData("B.A.T.I.K")]
    [InlineData("b\u0430tik")]
    [InlineData("ba\u200Btik")]
    [InlineData("&#98;atik")]
    [InlineData("8atik")]
    public async Task Search_reads_text_as_screening_does_so_disguised_spellings_find_each_other(string typed)
    {
        // Listings spelled out, in a Cyrillic look-alike and with a zero-width space; queries in every disguise (issue 10, item 4).
        (await Client.ListingIdsAsync("/Search?q=" + Uri.EscapeDataString(typed)))
            .Should().BeEquivalentTo([Data.Batik, Data.SpelledOutBatik, Data.CyrillicBatik, Data.ZeroWidthBatik]);
    }

    [Fact]
    public async Task Numbers_are_found_as_written()
    {
        (await Client.ListingIdsAsync("/Search?q=42")).Should().Equal(Data.Sandal);
        (await Client.ListingIdsAsync("/Search?q=250")).Should().Equal(Data.KopiGayo);
        (await Client.ListingIdsAsync("/Search?q=512gb")).Should().Equal(Data.MemoryCard);
    }

    [Fact]
    public async Task Suggestions_offer_words_categories_and_titles_as_the_shopper_types()
    {
        var batik = await Client.GetFromJsonAsync<SearchSuggestions>("/search/suggest?q=bat");

        batik!.Queries.Should().Contain("batik");
        batik.Categories.Select(c => c.Slug).Should().Contain("batik-tulis");
        batik.Titles.Should().ContainSingle().Which.Should().Be(new TitleSuggestion(Data.Batik, "Batik Tulis Parang Solo"));

        var coffee = await Client.GetFromJsonAsync<SearchSuggestions>("/search/suggest?q=kopi%20ga");
        coffee!.Queries.Should().Equal("kopi gayo");

        var tooShort = await Client.GetFromJsonAsync<SearchSuggestions>("/search/suggest?q=k");
        tooShort!.Queries.Should().BeEmpty();
        tooShort.Titles.Should().BeEmpty();
    }

    public sealed class Fixture : AppFixture
    {
        public Catalogue Data { get; private set; } = null!;

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var shop = await data.SellerAsync("toko-serba-ada", "Toko Serba Ada", "Jawa Tengah", "Surakarta");
            Data = new Catalogue
            {
                Pantofel = await data.ListingAsync(shop, "sepatu-kulit", "Sepatu Kulit Pantofel Hitam", 450_000),
                LeatherShoes = await data.ListingAsync(shop, "sepatu-kulit", "Leather Shoes Casual Brown", 390_000),
                KopiGayo = await data.ListingAsync(shop, "kopi-biji", "Kopi Arabika Gayo 250 gr", 95_000),
                Coffee = await data.ListingAsync(shop, "kopi-biji", "Arabica Coffee Beans Toraja", 120_000),
                Batik = await data.ListingAsync(shop, "batik-tulis", "Batik Tulis Parang Solo", 850_000),
                SpelledOutBatik = await data.ListingAsync(shop, "batik-tulis", "Kain B A T I K Pekalongan", 300_000),
                CyrillicBatik = await data.ListingAsync(shop, "batik-tulis", "Selendang b\u0430tik Lasem", 250_000),
                ZeroWidthBatik = await data.ListingAsync(shop, "batik-tulis", "Kemeja ba\u200Btik Pria", 200_000),
                Sandal = await data.ListingAsync(shop, "sandal", "Sandal Jepit Ukuran 42", 35_000),
                MemoryCard = await data.ListingAsync(shop, "flashdisk-memori", "Kartu Memori 512GB", 400_000),
            };
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SearchVocabulary>().RefreshAsync(CancellationToken.None);
        }

        public sealed class Catalogue
        {
            public required long Pantofel { get; init; }

            public required long LeatherShoes { get; init; }

            public required long KopiGayo { get; init; }

            public required long Coffee { get; init; }

            public required long Batik { get; init; }

            public required long SpelledOutBatik { get; init; }

            public required long CyrillicBatik { get; init; }

            public required long ZeroWidthBatik { get; init; }

            public required long Sandal { get; init; }

            public required long MemoryCard { get; init; }
        }
    }
}
