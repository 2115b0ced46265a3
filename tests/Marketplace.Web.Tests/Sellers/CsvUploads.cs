using System.Net;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>Uploads CSV files through the portal and waits for the import worker to finish them.</summary>
internal static class CsvUploads
{
    public const string Header = "sku,category,title,description,price,stock,tkdn_percent,origin";

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    public static async Task<long> UploadAsync(HttpClient client, byte[] file, string name = "produk.csv")
    {
        using var response = await SellerPortal.PostMultipartAsync(client, "/Seller/Uploads", "/Seller/Uploads", new Dictionary<string, string>(), [("Upload", name, file, "text/csv")]);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<ListingImport> FinishedAsync(SellerPortal portal, long importId) =>
        Eventually.WaitForAsync(
            () => portal.Scenario.WithDbAsync(db => db.ListingImports.AsNoTracking().SingleAsync(i => i.Id == importId)),
            import => import.IsFinished,
            $"import {importId} to finish");
}
