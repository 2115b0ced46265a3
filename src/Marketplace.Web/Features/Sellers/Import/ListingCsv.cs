using CsvHelper;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>One valid row of an upload, with the names of the photos it takes from the ZIP beside the sheet.</summary>
public sealed record CsvListingRow(int RowNumber, CheckedListing Listing)
{
    public IReadOnlyList<string> Images { get; init; } = [];
}

/// <summary>One problem of an upload, before it is stored: the row as a spreadsheet numbers it, the column and why.</summary>
public sealed record CsvProblem(int RowNumber, string Column, string Key, string Value);

public sealed record CsvReadResult(IReadOnlyList<CsvListingRow> Rows, IReadOnlyList<CsvProblem> Problems, int TotalRows, string? FailureKey);

/// <summary>The bulk-upload file: its template, reading and checking it row by row, and every CSV the portal hands out.</summary>
public static class ListingCsv
{
    public const int ValueMaxLength = 200;

    /// <summary>The column of photo file names in the ZIP beside the sheet, several separated by ";".</summary>
    public const string Images = "images";

    private static readonly string[] Required = [ListingColumns.Sku, ListingColumns.Category, ListingColumns.Title, ListingColumns.Price, ListingColumns.Stock];

    /// <summary>
    /// The template's headers, in Indonesian, each with the name the API, the problem report and English files use; a
    /// header may be written either way, in any case, with spaces for underscores.
    /// </summary>
    private static readonly (string Indonesian, string Column)[] Headers =
    [
        ("sku", ListingColumns.Sku), ("kategori", ListingColumns.Category), ("nama_produk", ListingColumns.Title), ("deskripsi", ListingColumns.Description),
        ("harga", ListingColumns.Price), ("stok", ListingColumns.Stock), ("tkdn_persen", ListingColumns.TkdnPercent), ("asal", ListingColumns.Origin),
        ("berat_gram", ListingColumns.WeightGrams), ("panjang_cm", ListingColumns.LengthCm), ("lebar_cm", ListingColumns.WidthCm), ("tinggi_cm", ListingColumns.HeightCm),
        ("gambar", Images),
    ];

    private static readonly Dictionary<string, string> ColumnOfHeader = Headers
        .SelectMany(h => new[] { (h.Indonesian, h.Column), (h.Column, h.Column) })
        .DistinctBy(h => h.Item1)
        .ToDictionary(h => h.Item1, h => h.Item2, StringComparer.Ordinal);

    /// <summary>The columns and one example row, ready to fill in a spreadsheet; the category is given by its name path.</summary>
    public static byte[] Template() => Write(
        Headers.Select(h => h.Indonesian),
        [["KB-TULIS-001", "Fesyen & Tekstil > Kain Tradisional > Batik Tulis", "Kain Batik Tulis Sekar Jagad 2 m", "Katun primisima, pewarna alam, dibuat di Yogyakarta.", "350000", "12", "85", ListingRules.Local, "300", "30", "20", "3", "batik-sekar-jagad-1.jpg;batik-sekar-jagad-2.jpg"]]);

    /// <summary>The template's header names, for the page that explains it.</summary>
    public static IEnumerable<string> TemplateHeaders => Headers.Select(h => h.Indonesian);

    /// <summary>Reads every record first (so the total is known), then checks them, reporting progress as it goes.</summary>
    public static async Task<CsvReadResult> ReadAsync(
        ImportPackage package, CategoryIndex categories, SellerOrigin sellerOrigin, int maxRows, Func<int, int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(progress);

        // The separator is detected (a spreadsheet set to Indonesian writes ';'); bytes that are not UTF-8 come out as
        // U+FFFD, so the rows they touch are reported one by one instead of failing the file.
        using var reader = CsvReader.Create(package.Sheet, new CsvReaderOptions { TrimWhitespace = false });
        reader.ReadHeader();
        if (reader.Headers.Count == 0)
        {
            return new CsvReadResult([], [], 0, "Csv.Failure.Empty");
        }

        var header = reader.Headers.Select(h => ColumnOf(h.Trim().TrimStart('\uFEFF'))).ToArray();
        if (Required.Any(r => !header.Contains(r)))
        {
            return new CsvReadResult([], [], 0, "Csv.Failure.Header");
        }

        var records = new List<(int Row, string[] Fields)>();
        while (reader.Read())
        {
            if (records.Count == maxRows)
            {
                return new CsvReadResult([], [], records.Count + 1, "Csv.Failure.TooManyRows");
            }

            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            // Numbered as a spreadsheet shows the file: the header is row 1.
            records.Add(((int)reader.RowNumber + 1, fields));
        }

        await progress(0, records.Count);
        var index = header.Select((name, i) => (name, i)).GroupBy(x => x.name).ToDictionary(g => g.Key, g => g.First().i);
        var rows = new List<CsvListingRow>(records.Count);
        var problems = new List<CsvProblem>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        var rowProblems = new List<FieldProblem>();
        for (var n = 0; n < records.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (row, fields) = records[n];
            string? Cell(string column) => index.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : null;
            if (fields.Length != header.Length)
            {
                problems.Add(new CsvProblem(row, string.Empty, "Csv.Problem.ColumnCount", Cut(string.Join(",", fields))));
            }
            else
            {
                rowProblems.Clear();
                var listingFields = new ListingFields(
                    Cell(ListingColumns.Sku), Cell(ListingColumns.Category), Cell(ListingColumns.Title), Cell(ListingColumns.Description),
                    Cell(ListingColumns.Price), Cell(ListingColumns.Stock), Cell(ListingColumns.TkdnPercent), Cell(ListingColumns.Origin), null,
                    new ParcelFields(Cell(ListingColumns.WeightGrams), Cell(ListingColumns.LengthCm), Cell(ListingColumns.WidthCm), Cell(ListingColumns.HeightCm)));
                var listing = ListingRules.Check(listingFields, categories, sellerOrigin, rowProblems);
                if (listing is not null && !skus.Add(listing.Sku))
                {
                    rowProblems.Add(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuDuplicate"));
                }

                var images = (Cell(Images) ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var missing = images.Where(i => !package.HasImage(i)).ToList();
                problems.AddRange(rowProblems.Select(p => new CsvProblem(row, p.Field, p.Key, Cut(Cell(p.Field) ?? string.Empty))));
                problems.AddRange(missing.Select(m => new CsvProblem(row, Images, "Csv.Problem.ImageMissing", Cut(m))));
                if (images.Length > Listing.MaxImages)
                {
                    problems.Add(new CsvProblem(row, Images, "Seller.Image.TooMany", Cut(Cell(Images)!)));
                }

                if (listing is not null && rowProblems.Count == 0 && missing.Count == 0 && images.Length <= Listing.MaxImages)
                {
                    rows.Add(new CsvListingRow(row, listing) { Images = images.Distinct(StringComparer.OrdinalIgnoreCase).ToList() });
                }
            }

            if ((n + 1) % 2000 == 0)
            {
                await progress(n + 1, records.Count);
            }
        }

        await progress(records.Count, records.Count);
        return new CsvReadResult(rows, problems, records.Count, null);
    }

    /// <summary>Writes a CSV a seller opens in a spreadsheet, its formula-like cells shown as text (<see cref="SpreadsheetCsv"/>).</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, SpreadsheetCsv.Options(), leaveOpen: true))
        {
            csv.WriteRecord(header.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row.ToArray());
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    private static string ColumnOf(string header)
    {
        var name = header.ToLowerInvariant().Replace(' ', '_');
        return ColumnOfHeader.GetValueOrDefault(name, name);
    }

    private static string Cut(string value) => value.Length <= ValueMaxLength ? value : value[..ValueMaxLength];
}
