using Marketplace.Web.Features.Admin.Audit;
using Marketplace.Web.Features.Admin.Review;

namespace Marketplace.Web.Tests.Admin;

public sealed class FlaggedWordsAndCsvCellsTests
{
    [Theory]
    [InlineData("Kemeja B4TIK pria", "Kemeja <mark>B4TIK</mark> pria")]
    [InlineData("Batiknya halus", "<mark>Batiknya</mark> halus")]
    [InlineData("Kopi luwak asli", "<mark>Kopi</mark> <mark>luwak</mark> asli")]
    [InlineData("Casing <b>batik</b> & co", "Casing &lt;b&gt;<mark>batik</mark>&lt;/b&gt; &amp; co")]
    [InlineData("Membatik sendiri", "<mark>Membatik</mark> sendiri")]
    [InlineData("Batika bukan", "Batika bukan")]
    public void Flagged_words_are_marked_in_encoded_text(string text, string html)
    {
        FlaggedWords.Mark(text, ["batik", "kopi luwak", "luwak"]).ToString().Should().Be(html);
    }

    [Fact]
    public void A_phrase_is_marked_only_where_its_words_follow_each_other()
    {
        FlaggedWords.Mark("kayu jati dan kayu mahoni", ["kayu jati"]).ToString().Should().Be("<mark>kayu</mark> <mark>jati</mark> dan kayu mahoni");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-10", "'-10")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tdata", "'\tdata")]
    [InlineData("\rdata", "\"'\rdata\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("Batik Tulis", "Batik Tulis")]
    [InlineData("", "")]
    public void Csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(string value, string cell)
    {
        CsvCells.Cell(value).Should().Be(cell);
    }
}
