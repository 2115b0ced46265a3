using System.Globalization;
using CsvHelper;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>
/// One valid listing of an upload (a row, or the rows of its variants read together at the first one), with the names
/// of the photos it takes from the ZIP beside the sheet.
/// </summary>
public sealed record CsvListingRow(int RowNumber, CheckedListing Listing)
{
    public IReadOnlyList<string> Images { get; init; } = [];
}

/// <summary>One problem of an upload, before it is stored: the row as a spreadsheet numbers it, the column and why.</summary>
public sealed record CsvProblem(int RowNumber, string Column, string Key, string Value);

/// <summary>
/// One listing of the file as the seller wrote it, valid or not: its first row, the SKU and title typed there, and every
/// row it spans; <paramref name="VariantCount"/> is the number of variant rows (0 for a listing given without variants).
/// The preview reports each entry once.
/// </summary>
public sealed record CsvEntry(int RowNumber, string Sku, string Title, IReadOnlyList<int> Rows, int VariantCount);

public sealed record CsvReadResult(IReadOnlyList<CsvListingRow> Rows, IReadOnlyList<CsvProblem> Problems, int TotalRows, string? FailureKey)
{
    public IReadOnlyList<CsvEntry> Entries { get; init; } = [];
}

/// <summary>The bulk-upload file: its template, reading and checking it row by row, and every CSV the portal hands out.</summary>
public static class ListingCsv
{
    public const int ValueMaxLength = 200;

    /// <summary>The column of photo file names in the ZIP beside the sheet, several separated by ";".</summary>
    public const string Images = "images";

    /// <summary>
    /// The variant columns: one row per variant, the rows of a listing sharing its SKU; the listing's own columns are
    /// filled on its first row and may be repeated or left empty on the others.
    /// </summary>
    public const string VariantName1 = "variant_name1";
    public const string VariantValue1 = "variant_value1";
    public const string VariantName2 = "variant_name2";
    public const string VariantValue2 = "variant_value2";
    public const string VariantPrice = "variant_price";
    public const string VariantStock = "variant_stock";

    private static readonly string[] VariantColumns = [VariantName1, VariantValue1, VariantName2, VariantValue2, VariantPrice, VariantStock];

    /// <summary>The columns a listing's variant rows share with its first row.</summary>
    private static readonly string[] SharedColumns = [.. ListingColumns.All.Where(c => c != ListingColumns.Sku), Images];

    /// <summary>The CSV column of each field <see cref="VariantRules"/> names a variant's problem by.</summary>
    private static readonly Dictionary<string, string> ColumnOfVariantField = new(StringComparer.Ordinal)
    {
        [VariantRules.Name1] = VariantName1, [VariantRules.Value1] = VariantValue1, [VariantRules.Name2] = VariantName2, [VariantRules.Value2] = VariantValue2,
        [ListingColumns.Price] = VariantPrice, [ListingColumns.Stock] = VariantStock,
    };

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
        ("nama_variasi1", VariantName1), ("nilai_variasi1", VariantValue1), ("nama_variasi2", VariantName2), ("nilai_variasi2", VariantValue2),
        ("harga_variasi", VariantPrice), ("stok_variasi", VariantStock),
    ];

    private static readonly Dictionary<string, string> ColumnOfHeader = Headers
        .SelectMany(h => new[] { (h.Indonesian, h.Column), (h.Column, h.Column) })
        .DistinctBy(h => h.Item1)
        .ToDictionary(h => h.Item1, h => h.Item2, StringComparer.Ordinal);

    /// <summary>
    /// The columns and two examples, ready to fill in a spreadsheet: a listing on one row, and a listing with three
    /// variants on three rows sharing its SKU. Categories are given by their name path.
    /// </summary>
    public static byte[] Template() => Write(
        Headers.Select(h => h.Indonesian),
        [
            ["KB-TULIS-001", "Fesyen & Tekstil > Kain Tradisional > Batik Tulis", "Kain Batik Tulis Sekar Jagad 2 m", "Katun primisima, pewarna alam, dibuat di Yogyakarta.", "350000", "12", "85", ListingInputChecks.Local, "300", "30", "20", "3", "batik-sekar-jagad-1.jpg;batik-sekar-jagad-2.jpg", "", "", "", "", "", ""],
            ["KEBAYA-KTB-01", "Fesyen & Tekstil > Pakaian Wanita > Kebaya", "Kebaya Kutubaru Katun", "Katun, dijahit tangan di Surakarta.", "", "", "", ListingInputChecks.Local, "450", "35", "25", "5", "kebaya-kutubaru.jpg", "Ukuran", "S", "Warna", "Merah", "275000", "4"],
            ["KEBAYA-KTB-01", "", "", "", "", "", "", "", "", "", "", "", "", "Ukuran", "M", "Warna", "Merah", "275000", "6"],
            ["KEBAYA-KTB-01", "", "", "", "", "", "", "", "", "", "", "", "", "Ukuran", "L", "Warna", "Hitam", "295000", "3"],
        ]);

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
        string? Cell(string[] fields, string column) => index.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : null;
        string SkuOf(string[] fields) => (Cell(fields, ListingColumns.Sku) ?? string.Empty).Trim();
        var groups = VariantGroups(records, header.Length, Cell);

        var rows = new List<CsvListingRow>(records.Count);
        var problems = new List<CsvProblem>();
        var entries = new List<CsvEntry>(records.Count);
        var skus = new HashSet<string>(StringComparer.Ordinal);
        var rowProblems = new List<FieldProblem>();
        for (var n = 0; n < records.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (row, fields) = records[n];
            if (fields.Length != header.Length)
            {
                problems.Add(new CsvProblem(row, string.Empty, "Csv.Problem.ColumnCount", Cut(string.Join(",", fields))));
                entries.Add(new CsvEntry(row, Cut(SkuOf(fields)), Cut((Cell(fields, ListingColumns.Title) ?? string.Empty).Trim()), [row], 0));
            }
            else if (!groups.TryGetValue(SkuOf(fields), out var group))
            {
                ReadListing([(row, fields)], withVariants: false);
            }
            else if (group[0].Row == row)
            {
                ReadListing(group, withVariants: true);
            }

            if ((n + 1) % 2000 == 0)
            {
                await progress(n + 1, records.Count);
            }
        }

        await progress(records.Count, records.Count);
        return new CsvReadResult(rows, problems, records.Count, null) { Entries = entries };

        // Checks one listing: a row, or the rows of its variants. A shared column is read from the first row that fills
        // it; another row giving it differently is a problem of that row.
        void ReadListing(IReadOnlyList<(int Row, string[] Fields)> group, bool withVariants)
        {
            rowProblems.Clear();
            var source = new Dictionary<string, int>(StringComparer.Ordinal);
            var sharedValues = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var column in SharedColumns)
            {
                var from = Math.Max(0, group.ToList().FindIndex(r => !string.IsNullOrWhiteSpace(Cell(r.Fields, column))));
                source[column] = from;
                sharedValues[column] = Cell(group[from].Fields, column);
            }

            string? Shared(string column) => sharedValues[column];
            var first = group[0];
            var variants = withVariants
                ? group.Select(r => new VariantFields(
                    null, Cell(r.Fields, VariantName1), Cell(r.Fields, VariantValue1), Cell(r.Fields, VariantName2), Cell(r.Fields, VariantValue2),
                    Cell(r.Fields, VariantPrice), Cell(r.Fields, VariantStock))).ToList()
                : null;
            var listingFields = new ListingFields(
                Cell(first.Fields, ListingColumns.Sku), Shared(ListingColumns.Category), Shared(ListingColumns.Title), Shared(ListingColumns.Description),
                Shared(ListingColumns.Price), Shared(ListingColumns.Stock), Shared(ListingColumns.TkdnPercent), Shared(ListingColumns.Origin), variants,
                new ParcelFields(Shared(ListingColumns.WeightGrams), Shared(ListingColumns.LengthCm), Shared(ListingColumns.WidthCm), Shared(ListingColumns.HeightCm)));
            var listing = ListingInputChecks.Check(listingFields, categories, sellerOrigin, rowProblems);
            if (listing is not null && !skus.Add(listing.Sku))
            {
                rowProblems.Add(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuDuplicate"));
            }

            var imagesCell = Shared(Images);
            var imagesRow = group[source[Images]].Row;
            var images = (imagesCell ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var missing = images.Where(i => !package.HasImage(i)).ToList();
            var before = problems.Count;
            foreach (var problem in rowProblems)
            {
                problems.Add(ProblemOf(problem, group, source, Cell));
            }

            foreach (var (row, fields) in group.Skip(1))
            {
                problems.AddRange(SharedColumns
                    .Where(c => Cell(fields, c) is { } cell && !string.IsNullOrWhiteSpace(cell) && cell.Trim() != (Shared(c) ?? string.Empty).Trim())
                    .Select(c => new CsvProblem(row, c, "Csv.Problem.VariantRowDiffers", Cut(Cell(fields, c)!))));
            }

            problems.AddRange(missing.Select(m => new CsvProblem(imagesRow, Images, "Csv.Problem.ImageMissing", Cut(m))));
            if (images.Length > Listing.MaxImages)
            {
                problems.Add(new CsvProblem(imagesRow, Images, "Seller.Image.TooMany", Cut(imagesCell!)));
            }

            entries.Add(new CsvEntry(
                first.Row, Cut(SkuOf(first.Fields)), Cut((Shared(ListingColumns.Title) ?? string.Empty).Trim()), group.Select(r => r.Row).ToList(), withVariants ? group.Count : 0));
            if (listing is not null && problems.Count == before)
            {
                rows.Add(new CsvListingRow(first.Row, listing) { Images = images.Distinct(StringComparer.OrdinalIgnoreCase).ToList() });
            }
        }
    }

    /// <summary>
    /// The rows of each listing given with variants, by SKU: every row whose SKU is that of a row filling a variant column.
    /// Rows of the wrong length stay apart, reported on their own.
    /// </summary>
    private static Dictionary<string, List<(int Row, string[] Fields)>> VariantGroups(
        List<(int Row, string[] Fields)> records, int columns, Func<string[], string, string?> cell)
    {
        string SkuOf(string[] fields) => (cell(fields, ListingColumns.Sku) ?? string.Empty).Trim();
        var whole = records.Where(r => r.Fields.Length == columns).ToList();
        var withVariants = whole
            .Where(r => VariantColumns.Any(c => !string.IsNullOrWhiteSpace(cell(r.Fields, c))) && SkuOf(r.Fields).Length > 0)
            .Select(r => SkuOf(r.Fields))
            .ToHashSet(StringComparer.Ordinal);
        return whole.Where(r => withVariants.Contains(SkuOf(r.Fields)))
            .GroupBy(r => SkuOf(r.Fields), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// A problem of the listing rules at the row and column of the file it concerns: a variant's (<c>variants[i].column</c>)
    /// on that variant's row, the variants' as a whole on the SKU of the first row, a shared column's where it was read.
    /// </summary>
    private static CsvProblem ProblemOf(
        FieldProblem problem, IReadOnlyList<(int Row, string[] Fields)> group, Dictionary<string, int> source, Func<string[], string, string?> cell)
    {
        var field = problem.Field;
        if (field.StartsWith(VariantRules.Field + "[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var i = int.Parse(field.AsSpan(VariantRules.Field.Length + 1, close - VariantRules.Field.Length - 1), CultureInfo.InvariantCulture);
            var column = ColumnOfVariantField[field[(close + 2)..]];
            return new CsvProblem(group[i].Row, column, problem.Key, Cut(cell(group[i].Fields, column) ?? string.Empty));
        }

        if (field == VariantRules.Field)
        {
            return new CsvProblem(group[0].Row, ListingColumns.Sku, problem.Key, Cut(cell(group[0].Fields, ListingColumns.Sku) ?? string.Empty));
        }

        var at = group[source.GetValueOrDefault(field)];
        return new CsvProblem(at.Row, field, problem.Key, Cut(cell(at.Fields, field) ?? string.Empty));
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
