using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Policy;

public class LexiconTests
{
    private static readonly ClusterLexicon[] All = [PolicyFixtures.TextileWords, PolicyFixtures.FoodWords, PolicyFixtures.CraftWords];

    [Theory]
    [InlineData("Kemeja Batik Pria", "TEXTILE", "batik")]
    [InlineData("KEMEJA BATIK", "TEXTILE", "batik")]
    [InlineData("b4tik tulis", "TEXTILE", "batik")]
    [InlineData("Batiks from Solo", "TEXTILE", "batik")]
    [InlineData("Sarongs for men", "TEXTILE", "sarong")]
    [InlineData("Kébaya Modern", "TEXTILE", "kebaya")]
    [InlineData("Kain Tenun Ikat", "TEXTILE", "kain tenun")]
    [InlineData("kain-tenun NTT", "TEXTILE", "kain tenun")]
    [InlineData("Cotton fabric per meter", "TEXTILE", "fabric")]
    [InlineData("Kopii Luwak", "FOOD", "kopi")]
    [InlineData("KOPI TUBRUK", "FOOD", "kopi")]
    [InlineData("Kripik Singkong", "FOOD", "keripik")]
    [InlineData("Keripik Singkong Balado", "FOOD", "keripik")]
    [InlineData("Arabica Coffee Beans", "FOOD", "coffee")]
    [InlineData("Potato chips original", "FOOD", "chips")]
    [InlineData("S4mbal Bawang", "FOOD", "sambal")]
    [InlineData("Teh Melati", "FOOD", "teh")]
    [InlineData("T3h Melati", "FOOD", "teh")]
    [InlineData("Rattan basket", "CRAFT", "rattan")]
    [InlineData("Kursi ratan sintetis", "CRAFT", "rattan")]
    [InlineData("Grabah Kasongan", "CRAFT", "gerabah")]
    [InlineData("Ukiran Jepara", "CRAFT", "ukiran")]
    [InlineData("Handmade pottery vase", "CRAFT", "pottery")]
    public void Goods_of_a_cluster_are_recognised_in_either_language_and_common_spellings(string text, string cluster, string term)
    {
        var lexicon = All.Single(l => l.Cluster.Code == cluster);

        lexicon.Matches(text).Should().Equal(term);
        All.Where(l => l != lexicon).SelectMany(l => l.Matches(text)).Should().BeEmpty("'{0}' names only {1} goods", text, cluster);
    }

    [Theory]
    [InlineData("Baterai Lithium 18650")]
    [InlineData("Kopling Motor Set")]
    [InlineData("Buku Tehnik Elektro Dasar")]
    [InlineData("Chipset Intel B660")]
    [InlineData("The Best Fast Charger")]
    [InlineData("Kopiah Hitam Polos")]
    [InlineData("Rumah di Kebayoran Baru")]
    [InlineData("Fabricated steel bracket")]

    [InlineData("Kain lap microfiber")]
    [InlineData("Kainnya lembut")]
    [InlineData("Mainan anak")]
    public void Words_that_only_look_like_a_clusters_goods_are_not_recognised(string text)
    {
        // "tehnik", "kopling", "chipset", "kopiah" and "kebayoran" are other words, not spellings of teh, kopi, chips or kebaya.
        // "Kain" alone is any cloth (a rag, a mop); only the phrase "kain tenun" names the woven cloth.
        // "Mainan" loses its -an to "main", which is no term: a stem counts only when it is a term itself.
        All.SelectMany(l => l.Matches(text)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Motif batiknya halus", "TEXTILE", "batik")]
    [InlineData("Kopinya wangi sekali", "FOOD", "kopi")]
    [InlineData("Kain tenunnya asli Sumba", "TEXTILE", "kain tenun")]
    public void Goods_named_with_the_nya_clitic_are_recognised(string text, string cluster, string term)
    {
        // "-nya" ("the", "its") attaches to the noun without making a new word, and is everywhere in Indonesian descriptions.
        All.Single(l => l.Cluster.Code == cluster).Matches(text).Should().Equal(term);
    }

    [Fact]
    public void A_bare_number_never_folds_into_a_word_but_digits_inside_a_word_do()
    {
        var lexicon = new ClusterLexicon(PolicyFixtures.Food, ["tea", "teas"]);

        lexicon.Matches("Power Bank 734 mAh").Should().BeEmpty("734 is a number, not 'tea'");
        lexicon.Matches("Kabel 7345 cm").Should().BeEmpty();
        lexicon.Matches("Green t3a bags").Should().Equal("tea");
    }

    [Fact]
    public void Every_term_present_is_reported_once_as_written_in_the_lexicon()
    {
        var matched = PolicyFixtures.TextileWords.Matches("Kebaya dan sarung batik, batik lagi, BATIK!");

        matched.Should().BeEquivalentTo(["batik", "kebaya", "sarung"]);
    }

    [Fact]
    public void Lexicon_drops_blank_terms_and_duplicates_that_differ_only_in_case()
    {
        var lexicon = new ClusterLexicon(PolicyFixtures.Textile, ["Batik", " batik ", "", "   ", "Songket"]);

        lexicon.Terms.Should().Equal("Batik", "Songket");
        lexicon.Matches("kain songket").Should().Equal("Songket");
    }

    [Fact]
    public void Old_spelling_and_digits_fold_to_the_current_spelling()
    {
        LexiconText.Tokens("Kopi Tjap Djago, soesoe 5egar").Should().Equal("kopi", "cap", "jago", "susu", "segar");
    }

    [Theory]
    [InlineData("Keripik", "Kripik")]
    [InlineData("Kerupuk", "Krupuk")]
    [InlineData("Selendang", "Slendang")]
    public void Spelling_with_and_without_the_first_schwa_folds_together(string full, string dropped)
    {
        LexiconText.Tokens(full).Should().Equal(LexiconText.Tokens(dropped)).And.ContainSingle();
    }

    [Theory]
    [InlineData("batiks", "batik", true)]
    [InlineData("sarunges", "sarung", true)]
    [InlineData("batik", "batik", true)]
    [InlineData("tehnik", "teh", false)]
    [InlineData("batika", "batik", false)]
    [InlineData("bati", "batik", false)]
    public void Word_matches_a_term_as_itself_or_its_english_plural(string word, string term, bool expected)
    {
        LexiconText.SameWord(word, term).Should().Be(expected);
    }

    [Fact]
    public void Cross_border_batik_shirt_in_electronics_waits_for_review_while_textiles_are_blocked()
    {
        var verdict = Decide(PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja Batik Pria"), PolicyFixtures.Textile);

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        verdict.PolicyVersion.Should().Be(PolicyFixtures.Version);
        var reason = verdict.Reasons.Should().ContainSingle().Subject;
        reason.Code.Should().Be("SUSPECTED_MISCLASSIFICATION");
        reason.ClusterCode.Should().Be("TEXTILE");
        reason.MatchedTerms.Should().Contain("batik");
        reason.MessageId.Should().Contain("Tekstil & Fesyen").And.Contain("batik");
        reason.MessageEn.Should().Contain("Textiles & Fashion").And.Contain("batik");
    }

    [Fact]
    public void Cross_border_batik_shirt_in_electronics_is_allowed_while_textiles_are_open()
    {
        var verdict = Decide(PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja Batik Pria"));

        verdict.Outcome.Should().Be(PolicyOutcome.Allowed);
        verdict.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void Block_scheduled_for_tomorrow_does_not_send_todays_listing_to_review()
    {
        var policy = PolicyFixtures.Policy([PolicyFixtures.BlockedSince(PolicyFixtures.Textile, PolicyFixtures.Instant.AddDays(1))]);
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja Batik Pria");

        ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant).Outcome.Should().Be(PolicyOutcome.Allowed);
        ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant.AddDays(1)).Outcome.Should().Be(PolicyOutcome.NeedsReview);
    }

    [Fact]
    public void Battery_in_electronics_is_allowed_while_textiles_are_blocked()
    {
        var verdict = Decide(PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Baterai Lithium 18650"), PolicyFixtures.Textile);

        verdict.Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void Local_sellers_local_product_mentioning_batik_in_electronics_is_allowed()
    {
        var subject = PolicyFixtures.Subject(
            PolicyFixtures.Electronics, title: "Casing HP motif batik", seller: SellerOrigin.Local, product: ProductOrigin.Local);

        Decide(subject, PolicyFixtures.Textile).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void Local_sellers_imported_product_mentioning_batik_in_electronics_waits_for_review()
    {
        var subject = PolicyFixtures.Subject(
            PolicyFixtures.Electronics, title: "Casing HP motif batik", seller: SellerOrigin.Local, product: ProductOrigin.Imported);

        Decide(subject, PolicyFixtures.Textile).ReasonCodes.Should().Equal("SUSPECTED_MISCLASSIFICATION");
    }

    [Fact]
    public void Listing_an_admin_has_cleared_is_allowed_despite_its_words()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja Batik Pria", cleared: true);

        Decide(subject, PolicyFixtures.Textile).Outcome.Should().Be(PolicyOutcome.Allowed);
    }

    [Fact]
    public void Admin_clearance_does_not_lift_the_price_floor()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kemeja Batik Pria", price: 10_000, cleared: true);
        var policy = PolicyFixtures.Policy(
            [PolicyFixtures.BlockedNow(PolicyFixtures.Textile)], CrossBorderMinimumPrice.Off with { Enabled = true });

        ListingPolicy.Decide(subject, policy, PolicyFixtures.Instant).ReasonCodes.Should().Equal("BELOW_CROSS_BORDER_MINIMUM");
    }

    [Fact]
    public void Batik_listed_in_the_blocked_textile_cluster_itself_is_blocked_and_not_also_sent_to_review()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Textile, title: "Kemeja Batik Pria");

        var verdict = Decide(subject, PolicyFixtures.Textile);

        verdict.Outcome.Should().Be(PolicyOutcome.Blocked);
        verdict.Reasons.Should().ContainSingle()
            .Which.Should().Match<PolicyReason>(r => r.Code == "CLUSTER_BLOCKED" && r.ClusterCode == "TEXTILE");
    }

    [Fact]
    public void Words_in_the_description_count_as_well_as_the_title()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Powerbank 10000 mAh", description: "Bonus kopi sachet.");

        var reason = Decide(subject, PolicyFixtures.Food).Reasons.Should().ContainSingle().Subject;

        reason.ClusterCode.Should().Be("FOOD");
        reason.MatchedTerms.Should().Equal("kopi");
    }

    [Fact]
    public void Each_blocked_cluster_whose_goods_are_named_gives_its_own_reason()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Electronics, title: "Kopi, batik dan gerabah");

        var verdict = Decide(subject, PolicyFixtures.Textile, PolicyFixtures.Food);

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        verdict.Reasons.Select(r => r.ClusterCode).Should().BeEquivalentTo(["TEXTILE", "FOOD"], "crafts are open");
        verdict.Reasons.Should().OnlyContain(r => r.Code == "SUSPECTED_MISCLASSIFICATION");
    }

    [Fact]
    public void Goods_of_a_blocked_cluster_listed_in_another_blockable_but_open_cluster_wait_for_review()
    {
        var subject = PolicyFixtures.Subject(PolicyFixtures.Craft, title: "Kopi bubuk dalam anyaman");

        var verdict = Decide(subject, PolicyFixtures.Food);

        verdict.Outcome.Should().Be(PolicyOutcome.NeedsReview);
        verdict.Reasons.Should().ContainSingle().Which.ClusterCode.Should().Be("FOOD");
    }

    private static PolicyVerdict Decide(PolicySubject subject, params ClusterRef[] blocked) =>
        ListingPolicy.Decide(subject, PolicyFixtures.Policy([.. blocked.Select(PolicyFixtures.BlockedNow)]), PolicyFixtures.Instant);
}
