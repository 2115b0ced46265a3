using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Tests.Infrastructure;
using Npgsql;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>An import interrupted by a database fault leaves nothing behind: the fault is injected with a trigger the test creates.</summary>
public sealed class CsvImportFaultTests(SellerPortalFixture fixture) : IClassFixture<SellerPortalFixture>
{
    private readonly SellerPortal _portal = new(fixture.App);

    [Theory]
    [InlineData("listings", "the fourth row's insert")]
    [InlineData("policy_decisions", "recording the decisions, after every listing row was written")]
    public async Task An_import_interrupted_mid_way_by_a_database_fault_leaves_no_rows_and_says_it_failed(string table, string where)
    {
        var (sellerId, client) = await _portal.SellerAsync(SellerOrigin.Local);
        var good = await _portal.Scenario.CreatePublishedAsync(sellerId, "batik-tulis", "Kain Yang Sudah Ada");
        await InjectFaultAsync(table, sellerId, table == "listings" ? "NEW.sku = 'ROW-4'" : "true");
        var file = CsvUploads.File(Enumerable.Range(1, 6).Select(i => $"ROW-{i},kopi-bubuk,Kopi Bubuk Nomor {i},,50000,{i},,local").ToArray());

        var importId = await CsvUploads.UploadAsync(client, file);
        var import = await CsvUploads.FinishedAsync(_portal, client, importId);

        import.Status.Should().Be(ListingImportStatus.Failed, "the fault hit {0}", where);
        import.FailureKey.Should().Be("Csv.Failure.Database");
        (await _portal.ListingCountAsync(sellerId)).Should().Be(1, "only the listing made before the import exists");
        (await _portal.Scenario.DecisionsAsync(good)).Should().HaveCount(1);
        var page = await client.GetDocumentAsync($"/Seller/Uploads/Details/{importId}");
        page.QuerySelector("#import-status")!.TextContent.Should().Contain("tidak ada produk yang tersimpan");
    }

    private async Task InjectFaultAsync(string table, int sellerId, string condition)
    {
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        var name = $"fault_{table}_{sellerId}";
        await using var command = new NpgsqlCommand($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.seller_id = {sellerId} AND {condition} THEN
                    RAISE EXCEPTION 'injected fault';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {name}();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
