using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Policy;

public class LexiconTextTests
{
    [Theory]
    [InlineData("B A T I K", "batik")]
    [InlineData("b.a.t.i.k", "batik")]
    [InlineData("b-a-t-i-k", "batik")]
    [InlineData("8 a t i k", "batik")]
    [InlineData("ваtік", "batik")]
    [InlineData("ВАТІК", "batik")]
    [InlineData("βατικ", "batik")]
    [InlineData("ΚΕΒΑΥΑ", "kebaya")]
    [InlineData("ｂａｔｉｋ", "batik")]
    [InlineData("𝐛𝐚𝐭𝐢𝐤", "batik")]
    [InlineData("ba\u200Btik", "batik")]
    [InlineData("b\u200Dati\u200Ck", "batik")]
    [InlineData("bat\u00ADik", "batik")]
    [InlineData("b\uFEFFatik", "batik")]
    [InlineData("&#98;atik", "batik")]
    [InlineData("b&#x61;tik", "batik")]
    [InlineData("&amp;#98;atik", "batik")]
    [InlineData("8atik", "batik")]
    [InlineData("k0p1", "kopi")]
    [InlineData("4nyaman", "anyaman")]
    [InlineData("t3nun", "tenun")]
    [InlineData("5ongket", "songket")]
    [InlineData("Kébaya", "kebaya")]
    public void Every_disguise_reads_as_the_plain_word(string disguised, string plain)
    {
        LexiconText.Normalize(disguised).Should().Be(plain);
    }

    [Theory]
    [InlineData("Kemeja B A T I K pria", "kemeja batik pria")]
    [InlineData("Kabel 8 pin 1 m", "kabel pin m")]
    [InlineData("TV 43 inch", "tv inch")]
    [InlineData("Oli mesin 10W-40", "oli mesin iow")]
    [InlineData("Baterai 18650 3000mAh", "baterai eomah")]
    [InlineData("Ukuran 3 x 4 m", "ukuran exam")]
    [InlineData("USB 3.0", "usb")]
    [InlineData("Batik &amp; Tenun", "batik tenun")]
    public void Numbers_stay_out_and_words_stay_apart(string text, string normalised)
    {
        // A spelled-out run needs two letters: "3 x 4 m" is read as one word, which no lexicon holds.
        LexiconText.Normalize(text).Should().Be(normalised);
    }

    [Fact]
    public void Undisguised_words_keep_their_digits_as_written_beside_their_reading()
    {
        LexiconText.Undisguise("8atik ukuran 42, B A T I K, k\u0430in ba\u200Btik 512GB").Should().Equal(
            new UndisguisedWord("8atik", "batik"),
            new UndisguisedWord("ukuran", "ukuran"),
            new UndisguisedWord("42", null),
            new UndisguisedWord("batik", "batik"),
            new UndisguisedWord("kain", "kain"),
            new UndisguisedWord("batik", "batik"),
            new UndisguisedWord("512gb", "si2gb"));
    }

    [Theory]
    [InlineData("berbatik", "batik")]
    [InlineData("dibatik", "batik")]
    [InlineData("membatik", "batik")]
    [InlineData("terbatik", "batik")]
    [InlineData("menganyam", "anyam")]
    [InlineData("dianyam", "anyam")]
    [InlineData("menenun", "tenun")]
    [InlineData("tenunan", "tenun")]
    [InlineData("ditenunkan", "tenun")]
    [InlineData("dikeripik", "kripik")]
    [InlineData("beranyam", "anyam")]
    [InlineData("ukirannya", "ukir")]
    public void Indonesian_affixes_come_off_to_reach_the_stem(string word, string stem)
    {
        LexiconText.WordsWithStems(word).Should().ContainSingle().Which.Stems.Should().Contain(stem);
    }

    [Fact]
    public void An_exception_phrase_covers_its_words_and_nothing_else()
    {
        var lexicon = new ClusterLexicon(PolicyFixtures.Textile, ["sarung", "sepatu", "!sarung tangan", "!rak sepatu"]);

        lexicon.Matches("Sarung tangan motor touring").Should().BeEmpty();
        lexicon.Matches("Rak sepatu 5 susun").Should().BeEmpty();
        lexicon.Matches("Sarung tangan dan sarung tenun").Should().Equal("sarung");
        lexicon.Matches("Sepatu kulit, bonus rak sepatu").Should().Equal("sepatu");
    }

    [Fact]
    public void Disguised_words_are_matched_by_the_lexicon()
    {
        PolicyFixtures.TextileWords.Matches("Motif B A T I K dan s\u00ADongket, kain t3nun").Should().Equal("batik", "songket", "kain tenun");
        PolicyFixtures.CraftWords.Matches("Tas hasil 4nyaman, ukirannya halus").Should().Equal("anyaman", "ukiran");
    }
}
