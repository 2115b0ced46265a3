using CsvHelper;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Sellers.Listings;
using Marketplace.Web.Features.Sellers.Shop;

namespace Marketplace.Web.Features.Sellers.Import;

/// <summary>One valid row of an upload.</summary>
public sealed record CsvListingRow(int RowNumber, CheckedListing Listing);

/// <summary>One problem of an upload, before it is stored: the row as a spreadsheet numbers it, the column and why.</summary>
public sealed record CsvProblem(int RowNumber, string Column, string Key, string Value);

public sealed record CsvReadResult(IReadOnlyList<CsvListingRow> Rows, IReadOnlyList<CsvProblem> Problems, int TotalRows, string? FailureKey);

/// <summary>The bulk-upload file: its template, reading and checking it row by row, and every CSV the portal hands out.</summary>
public static class ListingCsv
{
    public const int ValueMaxLength = 200;

    private static readonly string[] Required = [ListingColumns.Sku, ListingColumns.Category, ListingColumns.Title, ListingColumns.Price, ListingColumns.Stock];

    /// <summary>The columns and one example row, ready to fill in a spreadsheet.</summary>
    public static byte[] Template() => Write(
        ListingColumns.All,
        [["KB-TULIS-001", "batik-tulis", "Kain Batik Tulis Sekar Jagad 2 m", "Katun primisima, pewarna alam, dibuat di Yogyakarta.", "350000", "12", "85", ListingRules.Local]]);

    /// <summary>Reads every record first (so the total is known), then checks them, reporting progress as it goes.</summary>
    public static async Task<CsvReadResult> ReadAsync(
        byte[] content, CategoryIndex categories, SellerOrigin sellerOrigin, int maxRows, Func<int, int, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(progress);

        // The separator is detected (a spreadsheet set to Indonesian writes ';'); bytes that are not UTF-8 come out as
        // U+FFFD, so the rows they touch are reported one by one instead of failing the file.
        using var reader = CsvReader.Create(content, new CsvReaderOptions { TrimWhitespace = false });
        reader.ReadHeader();
        if (reader.Headers.Count == 0)
        {
            return new CsvReadResult([], [], 0, "Csv.Failure.Empty");
        }

        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
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
                    Cell(ListingColumns.Price), Cell(ListingColumns.Stock), Cell(ListingColumns.TkdnPercent), Cell(ListingColumns.Origin));
                var listing = ListingRules.Check(listingFields, categories, sellerOrigin, rowProblems);
                if (listing is not null && !skus.Add(listing.Sku))
                {
                    rowProblems.Add(new FieldProblem(ListingColumns.Sku, "Seller.Listing.Problem.SkuDuplicate"));
                }

                problems.AddRange(rowProblems.Select(p => new CsvProblem(row, p.Field, p.Key, Cut(Cell(p.Field) ?? string.Empty))));
                if (listing is not null && rowProblems.Count == 0)
                {
                    rows.Add(new CsvListingRow(row, listing));
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

    private static string Cut(string value) => value.Length <= ValueMaxLength ? value : value[..ValueMaxLength];
}
