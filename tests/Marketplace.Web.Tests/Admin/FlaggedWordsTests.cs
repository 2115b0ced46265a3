using Marketplace.Web.Features.Admin.Review;

namespace Marketplace.Web.Tests.Admin;

public sealed class FlaggedWordsTests
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
}
