using System.Net;
using System.Text;
using Marketplace.Domain.Listings;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Tests.Sellers;

/// <summary>
/// Uploads CSV files through the portal, waits for the worker's preview, confirms or cancels it as the seller does, and
/// waits for the import to finish.
/// </summary>
internal static class CsvUploads
{
    public const string Header = "sku,category,title,description,price,stock,tkdn_percent,origin";

    /// <summary>The photo every row of <see cref="File"/> names, packed beside the sheet by <see cref="UploadAsync"/>.</summary>
    public const string PhotoName = "foto.png";

    /// <summary>A sheet whose rows each name <see cref="PhotoName"/> in the images column, so they can be published.</summary>
    public static byte[] File(params string[] rows) => Sheet(Header + ",images", [.. rows.Select(r => r + "," + PhotoName)]);

    /// <summary>
    /// A sheet whose rows describe listings to create: a new listing needs its weight, so a sheet that names none gets a
    /// weight column (500 g on every row); a sheet that names one is left as written.
    /// </summary>
    public static byte[] Sheet(string header, params string[] rows) =>
        header.Contains("berat_gram", StringComparison.OrdinalIgnoreCase) || header.Contains("weight_grams", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. rows]) + "\r\n")
            : Sheet(header + ",berat_gram", [.. rows.Select(r => r + ",500")]);

    /// <summary>A ZIP of the sheet and the named files, as a seller packs one.</summary>
    public static byte[] Zip(byte[] sheet, params (string Name, byte[] Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files.Prepend(("produk.csv", sheet)))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Uploads a sheet with <see cref="PhotoName"/> packed beside it in a ZIP (the way a seller's listings get photos),
    /// or a ZIP or a bare sheet as it is when <paramref name="asIs"/>.
    /// </summary>
    public static async Task<long> UploadAsync(HttpClient client, byte[] file, string name = "produk.csv", bool asIs = false)
    {
        var (upload, uploadName) = asIs ? (file, name) : (Zip(file, (PhotoName, TestImages.Png())), "produk.zip");
        using var response = await PostAsync(client, upload, uploadName);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts a file to the upload form and returns the response, whatever it is.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] file, string name) =>
        SellerPortal.PostMultipartAsync(
            client, "/Seller/Uploads", "/Seller/Uploads", new Dictionary<string, string>(), [("Upload", name, file, name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv")]);

    /// <summary>
    /// Waits for the upload's preview, confirms it through the seller's page ("Lanjutkan impor") and waits for the import
    /// to finish; an upload refused as a whole ends without a preview. <paramref name="nudge"/> wakes a worker whose
    /// clock the test holds; it runs at each look once the preview is confirmed.
    /// </summary>
    public static async Task<ListingImport> FinishedAsync(SellerPortal portal, HttpClient client, long importId, Action? nudge = null)
    {
        var previewed = await PreviewedAsync(portal, importId);
        if (previewed.Status == ListingImportStatus.PreviewReady)
        {
            await DecideAsync(client, importId, "Confirm");
        }

        return await Eventually.WaitForAsync(
            () =>
            {
                nudge?.Invoke();
                return ImportAsync(portal, importId);
            },
            import => import.IsFinished,
            $"import {importId} to finish");
    }

    /// <summary>Waits until the upload's preview is ready (or the upload ended without one).</summary>
    public static Task<ListingImport> PreviewedAsync(SellerPortal portal, long importId) =>
        Eventually.WaitForAsync(
            () => ImportAsync(portal, importId),
            import => import.Status == ListingImportStatus.PreviewReady || import.IsFinished,
            $"the preview of import {importId}");

    /// <summary>Presses "Lanjutkan impor" (Confirm) or "Batalkan" (Cancel) on the upload's page, with its antiforgery token.</summary>
    public static async Task DecideAsync(HttpClient client, long importId, string handler)
    {
        var page = $"/Seller/Uploads/Details/{importId}";
        using var response = await SellerPortal.PostWithTokenAsync(client, page, $"{page}?handler={handler}", new Dictionary<string, string>());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static Task<ListingImport> ImportAsync(SellerPortal portal, long importId) =>
        portal.Scenario.WithDbAsync(db => db.ListingImports.AsNoTracking().SingleAsync(i => i.Id == importId));
}
