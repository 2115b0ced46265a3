using System.Text;
using CsvHelper;
using Marketplace.Web.Features;

namespace Marketplace.Web.Tests;

/// <summary>The options both spreadsheet exports (the audit trail, the import problem report) write with.</summary>
public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+62 812", "\"'+62 812\"")]
    [InlineData("-10", "\"'-10\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tdata", "\"'\tdata\"")]
    [InlineData("\rdata", "\"'\rdata\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("Batik Tulis", "Batik Tulis")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(string value, string cell)
    {
        Write(value, "end").Should().Be("\uFEFF" + cell + ",end\r\n");
    }

    private static string Write(params string[] fields)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, SpreadsheetCsv.Options(), leaveOpen: true))
        {
            csv.WriteRecord(fields);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
