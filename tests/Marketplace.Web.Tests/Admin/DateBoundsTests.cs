using System.Net;
using Marketplace.Domain.Enforcement;
using Marketplace.Web.Data;
using Marketplace.Web.Data.Seed;
using Marketplace.Web.Tests.Infrastructure;
using Marketplace.Web.Tests.Storefront;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web.Tests.Admin;

/// <summary>
/// Every date and time an admin types is read within the years 2000 to 2100, and anything else is refused with a message
/// in the admin's language. Found from outside: year 1 in three admin forms answered 500 (ArgumentOutOfRangeException:
/// seven hours before 0001-01-01 is no instant).
/// </summary>
public sealed class DateBoundsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string YearOne = "0001-01-01T00:00";

    private const string Bounds = "antara tahun 2000 dan 2100";

    [Fact]
    public async Task A_cluster_block_starting_in_year_one_is_refused_with_a_message()
    {
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var toys = await WithDbAsync(db => db.Clusters.Where(c => c.Code == ReferenceCatalog.Toys).Select(c => c.Id).SingleAsync());
        var url = $"/Admin/Clusters/Change?id={toys}";

        using var response = await admin.SubmitAsync(await admin.GetDocumentAsync(url), "#change-form", new Dictionary<string, string>
        {
            ["Input.Reason"] = "Uji tanggal",
            ["Input.StartsAt"] = YearOne,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, fixture.App.Errors.Describe());
        (await FormPost.ParseAsync(response)).QuerySelector("[data-valmsg-for='Input.StartsAt']")!.TextContent.Should().Contain(Bounds);
    }

    [Fact]
    public async Task A_takedown_deadline_in_year_one_is_refused_with_a_message()
    {
        var admin = await AdminPages.AdminClientAsync(fixture.App);

        using var response = await admin.SubmitAsync(await admin.GetDocumentAsync("/Admin/Takedowns"), "#takedown-form", new Dictionary<string, string>
        {
            ["Input.Body"] = nameof(RegulatorBody.Kominfo),
            ["Input.ReferenceNumber"] = "B-1/KOMINFO/2026",
            ["Input.LegalBasis"] = "PP 71/2019",
            ["Input.Listings"] = "123",
            ["Input.DueAt"] = YearOne,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, fixture.App.Errors.Describe());
        (await FormPost.ParseAsync(response)).QuerySelector("main")!.TextContent.Should().Contain(Bounds);
    }

    [Theory]
    [InlineData(YearOne)]
    [InlineData("9999-12-31T23:59")]
    public async Task A_shop_closure_at_a_year_out_of_bounds_is_refused_with_a_message(string closesAt)
    {
        var data = new StorefrontData(fixture.App);
        var shop = await data.SellerAsync("tutup-" + closesAt[..4], "Toko Tutup " + closesAt[..4]);
        var admin = await AdminPages.AdminClientAsync(fixture.App);
        var (_, content) = await admin.PrepareFormAsync("/Admin/Closures", new Dictionary<string, string>
        {
            ["Shops"] = shop.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reason"] = "Uji tanggal",
            ["ClosesAt"] = closesAt,
        }, "#closure-choose");

        using (content)
        {
            using var response = await admin.PostAsync("/Admin/Closures?handler=Confirm", content);

            response.StatusCode.Should().Be(HttpStatusCode.OK, fixture.App.Errors.Describe());
            (await FormPost.ParseAsync(response)).QuerySelector("main")!.TextContent.Should().Contain(Bounds);
        }

        (await WithDbAsync(db => db.ShopClosures.CountAsync())).Should().Be(0);
    }

    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }
}
