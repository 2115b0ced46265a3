using System.Net;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Policy;
using Npgsql;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// An edit through the API that lands while an import is under way: the import compares and decides on what is stored
/// when it holds its locks, never on a copy read before. The interleaving is made deterministic by a row lock a second
/// connection holds on a category only the import needs, and by waiting for the import to queue behind it in pg_locks.
/// </summary>
public sealed class CsvImportConcurrencyTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private const string BatikTitle = "Kemeja Batik Pria Lengan Panjang";
    private const string EditedTitle = "Casing HP Silikon Bening";

    private readonly SellerPortal _portal = new(fixture.App);

    [Fact]
    public async Task An_api_edit_that_lands_while_an_import_waits_for_its_locks_is_not_overwritten_by_a_stale_comparison()
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.CrossBorder, "CN");
        var token = await SellerPortal.CreateTokenAsync(client);
        var listingId = await ApprovedBatikTitleInElectronicsAsync(sellerId);
        var sku = (await _portal.Scenario.ListingAsync(listingId)).Sku;

        // The file repeats the stored content with a new stock, so a stale comparison sees no policy input change.
        var file = CsvUploads.File(
            $"{sku},{PolicyScenario.Smartphones},{BatikTitle},Produk uji.,250000,99,,imported",
            $"NEW-KOPI,{PolicyScenario.Coffee},Kopi Bubuk Impor,,100000,3,,imported");

        await using var holder = new NpgsqlConnection(fixture.App.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockCoffee = new NpgsqlCommand("SELECT 1 FROM categories WHERE slug = @slug FOR UPDATE", holder, hold))
        {
            lockCoffee.Parameters.AddWithValue("slug", PolicyScenario.Coffee);
            await lockCoffee.ExecuteNonQueryAsync();
        }

        var importId = await CsvUploads.UploadAsync(client, file);
        await LockWaiters.WaitForWaiterBehindAsync(holder);

        using var edit = await fixture.App.CreateClient().SendAsync(SellerPortal.Api(HttpMethod.Put, $"/listings/{listingId}", token, new
        {
            category = PolicyScenario.Smartphones,
            title = EditedTitle,
            description = "Produk uji.",
            price = 250_000,
            stock = 10,
            origin = "imported",
        }));
        edit.StatusCode.Should().Be(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        await hold.RollbackAsync();

        var import = await CsvUploads.FinishedAsync(_portal, importId);
        import.Status.Should().Be(ListingImportStatus.Completed);
        var listing = await _portal.Scenario.ListingAsync(listingId);
        var latest = (await _portal.Scenario.DecisionsAsync(listingId)).Last();
        (listing.Title, listing.State).Should().NotBe((BatikTitle, ListingState.Published), "a batik title in electronics must not go live undecided");
        if (listing.Title == BatikTitle)
        {
            (listing.State, latest.Trigger, latest.Outcome).Should().Be(
                (ListingState.PendingReview, DecisionTrigger.CsvImport, PolicyOutcome.NeedsReview), "what the import wrote was decided by the policy");
        }
    }

    /// <summary>A cross-border listing with a batik title in electronics that an admin found correctly classified, so it is live.</summary>
    private async Task<long> ApprovedBatikTitleInElectronicsAsync(int sellerId)
    {
        var id = await _portal.Scenario.CreateDraftAsync(sellerId, PolicyScenario.Smartphones, BatikTitle, origin: ProductOrigin.Imported);
        (await _portal.Scenario.PublishAsync(id)).State.Should().Be(ListingState.PendingReview);
        (await _portal.Scenario.PublicationAsync(p => p.ApproveReviewAsync(id, "admin@example.id"))).State.Should().Be(ListingState.Published);
        return id;
    }
}
