using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>A misspelt word is corrected to what shoppers most likely meant: near in spelling, and weighed by how common it is.</summary>
public sealed class TypoCorrectionTests(TypoCorrectionTests.Fixture fixture) : IClassFixture<TypoCorrectionTests.Fixture>
{
    [Fact]
    public async Task A_typo_nearer_to_a_rare_word_is_corrected_to_the_common_word_it_is_almost_as_near_to()
    {
        // "batk" shares three letter triples with "bata" (brick) and with "batik", and the shorter "bata" scores a little
        // nearer (0.43 against 0.38); the demo catalogue offered "bata" to a shopper looking for one of its many batik listings.
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync("/Search?q=batk");

        page.Text(".search-corrected .corrected").Should().Be("batik");
    }

    [Fact]
    public async Task A_typo_a_little_nearer_to_a_rarer_word_in_a_phrase_is_corrected_to_the_common_word()
    {
        // "gyo" scores 0.33 against "gym" and 0.29 against "gayo", the coffee the shop sells three of.
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync("/Search?q=kopi+gyo");

        page.Text(".search-corrected .corrected").Should().Be("kopi gayo");
    }

    [Fact]
    public async Task A_typo_far_nearer_to_a_rare_word_is_still_corrected_to_it()
    {
        var page = await fixture.App.CreateBrowserClient().GetDocumentAsync("/Search?q=bataa");

        page.Text(".search-corrected .corrected").Should().Be("bata", "six batik listings do not outweigh a word one letter away");
    }

    public sealed class Fixture : AppFixture
    {
        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            var shop = await data.SellerAsync("griya-batik-lasem", "Griya Batik Lasem", "Jawa Tengah", "Rembang");
            foreach (var title in (string[])["Batik Tulis Lasem", "Kemeja Batik Pria", "Selendang Batik Sutra", "Kain Batik Cap Biru", "Daster Batik Pekalongan", "Tas Batik Kombinasi Kulit"])
            {
                await data.ListingAsync(shop, "batik-tulis", title, 250_000);
            }

            foreach (var title in (string[])["Kopi Gayo Arabika", "Kopi Gayo Wine", "Kopi Gayo Peaberry"])
            {
                await data.ListingAsync(shop, "kopi-biji", title, 120_000);
            }

            await data.ListingAsync(shop, "gerabah", "Bata Ekspos Jatiwangi", 3_500);
            await data.ListingAsync(shop, "alat-olahraga", "Matras Gym Lipat", 150_000);
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SearchVocabulary>().RefreshAsync(CancellationToken.None);
        }
    }
}
