using Marketplace.Domain.Policy;

namespace Marketplace.Domain.Tests.Policy;

/// <summary>How the lexicon reads words spelt as they sound, terms run into longer words, and products that only serve goods.</summary>
public class SpellingAndFusionTests
{
    [Theory]
    [InlineData("batique", "batik")]
    [InlineData("batiq", "batik")]
    [InlineData("batick", "batik")]
    [InlineData("bhatik", "batik")]
    [InlineData("kofi", "kopi")]
    [InlineData("kofie", "kopi")]
    [InlineData("copi", "kopi")]
    [InlineData("kebaja", "kebaya")]
    [InlineData("sambhal", "sambal")]
    [InlineData("songquet", "songket")]
    [InlineData("mukenah", "mukena")]
    [InlineData("anyaman", "anyaman")]
    public void Spellings_that_sound_alike_share_a_sound_key(string spelt, string sound) =>
        LexiconText.SoundKey(spelt).Should().Be(LexiconText.SoundKey(sound));

    [Theory]
    [InlineData("Kemeja batique slim fit", "batik")]
    [InlineData("Kofi Toraja 200 gr", "kopi")]
    [InlineData("Koffie tubruk", "kopi")]
    [InlineData("Keripick pedas", "keripik")]
    [InlineData("Kebaja encim", "kebaya")]
    public void A_word_spelt_as_it_sounds_is_read_as_the_term(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Theory]
    [InlineData("fabric", "Garansi pabrik 1 tahun")]
    [InlineData("rok", "RC mobil rock crawler")]
    [InlineData("kaos", "Kaus lampu petromaks")]
    public void A_plain_word_never_meets_a_term_by_the_terms_sound(string term, string text) =>
        Lexicon(term).Matches(text).Should().BeEmpty("\"{0}\" is spelt as it sounds, so it is no disguise of \"{1}\"", text, term);

    [Theory]
    [InlineData("premiumbatikshirt long sleeve", "batik")]
    [InlineData("kopigayo250gr wine process", "kopi")]
    [InlineData("Tasrotan bulat Bali", "rotan")]
    [InlineData("Kofigayo arabika", "kopi")]
    public void A_term_run_together_with_other_words_is_found(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Fact]
    public void A_phrase_run_together_is_found_as_the_phrase() =>
        Lexicon("ikan asin").Matches("Ikanasin jambal roti").Should().Equal("ikan asin");

    [Theory]
    [InlineData("Peci kopiah hitam", "kopi")]
    [InlineData("Fabricated steel bracket", "fabric")]
    [InlineData("Jasa perakitan PC", "perak")]
    [InlineData("Stempel warna merah", "tempe")]
    public void A_term_inside_another_word_is_not_found_when_the_rest_is_too_short_or_a_suffix(string text, string term) =>
        Lexicon(term).Matches(text).Should().BeEmpty();

    [Fact]
    public void An_exception_inside_a_long_word_cancels_the_term_it_overlaps()
    {
        Lexicon("tempe", "!temper").Matches("Tempered glass anti gores").Should().BeEmpty();
        Lexicon("sarung", "!sarung tangan").Matches("Sarungtanganmotor kulit").Should().BeEmpty();
        Lexicon("kopi", "!fotokopi").Matches("Mesin fotokopi bekas").Should().BeEmpty();
        Lexicon("kopi", "!fotokopi").Matches("Mesin fotokopi, bonus kopi").Should().Equal("kopi");
    }

    [Theory]
    [InlineData("Lemari pakaian plastik", "pakaian")]
    [InlineData("Penggiling daging elektrik", "daging")]
    [InlineData("Pewangi pakaian 900 ml", "pakaian")]
    [InlineData("Tempat bumbu kaca", "bumbu")]
    [InlineData("Coffee grinder manual", "coffee")]
    [InlineData("Tea cup set", "tea")]
    public void Goods_named_only_as_what_another_product_serves_are_not_its_goods(string text, string term) =>
        Lexicon(term).Matches(text).Should().BeEmpty();

    [Theory]
    [InlineData("Pakaian anak katun", "pakaian")]
    [InlineData("Daging rendang 500 gr", "daging")]
    [InlineData("Ground coffee 500 g", "coffee")]
    [InlineData("Permen kopi 100 gr", "kopi")]
    public void The_same_goods_named_for_themselves_are_found(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Theory]
    [InlineData("bateek", "batik")]
    [InlineData("kopee", "kopi")]
    [InlineData("coffee", "kopi")]
    [InlineData("keramiek", "keramik")]
    [InlineData("bamboo", "bambu")]
    [InlineData("kebaia", "kebaya")]
    [InlineData("bakpiya", "bakpia")]
    public void Long_vowels_and_glides_sound_as_Indonesian_spells_them(string spelt, string sound) =>
        LexiconText.SoundKey(spelt).Should().Be(LexiconText.SoundKey(sound));

    [Theory]
    [InlineData("Bateek Solo ukuran L", "batik")]
    [InlineData("Kopee Aceh 250 gr", "kopi")]
    [InlineData("Pashmeena polos", "pashmina")]
    public void A_doubled_vowel_is_sounded_before_the_doubles_collapse(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Fact]
    public void A_word_spelt_as_one_term_is_not_also_read_as_the_term_it_sounds_like() =>
        Lexicon("kopi", "coffee").Matches("Arabica coffee beans").Should().Equal("coffee");

    [Theory]
    [InlineData("TehHijau celup 25 kantong", "teh")]
    [InlineData("HandCarved mask 30 cm", "hand carved")]
    [InlineData("CoffeeBeans 1 kg", "coffee")]
    public void Words_run_together_in_CamelCase_are_read_apart(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Fact]
    public void CamelCase_is_read_apart_for_screening_only_and_search_keeps_the_word_whole() =>
        LexiconText.Normalize("iPhone PowerBank").Should().Be(LexiconText.Normalize("iphone powerbank")).And.NotContain(" bank");

    [Theory]
    [InlineData("kerupukudang Sidoarjo 500 gr", "kerupuk")]
    [InlineData("keripikpisang manis", "keripik")]
    public void A_long_rest_after_a_term_is_a_word_of_its_own(string text, string term) =>
        Lexicon(term).Matches(text).Should().Equal(term);

    [Theory]
    [InlineData("Sabun mandi herbal sereh", "sereh")]
    [InlineData("Minyak kemiri penumbuh rambut", "kemiri")]
    [InlineData("Bibit cabai rawit isi 50", "cabai")]
    [InlineData("Parfum mobil aroma kopi", "kopi")]
    [InlineData("Loyang brownies 22 cm", "brownies")]
    public void Ingredients_scents_and_materials_of_other_goods_are_not_the_goods(string text, string term) =>
        Lexicon(term).Matches(text).Should().BeEmpty();

    [Fact]
    public void Goods_whose_title_opens_with_the_goods_are_found_whatever_follows() =>
        Lexicon("minyak kelapa").Matches("Minyak kelapa murni 1 liter").Should().Equal("minyak kelapa");

    private static ClusterLexicon Lexicon(params string[] terms) => new(PolicyFixtures.Food, terms);
}
