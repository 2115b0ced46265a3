using Marketplace.Domain.Catalog;
using Marketplace.Domain.Sellers;

namespace Marketplace.Domain.Tests.Sellers;

public class RegistryMatchTests
{
    private static readonly BusinessRegistration Registered =
        new("9120001234567", "CV. Batik Sekar Jagad", "Siti Rahayu", ["13134", "47912"], "DI Yogyakarta", Active: true);

    private static VerificationClaim Claim(string storeName = "Batik Sekar Jagad", string? owner = null, string province = "DI Yogyakarta", params string[] goods) =>
        new(storeName, owner, province, goods.Length == 0 ? [ClusterCodes.Textile] : goods);

    private static IEnumerable<VerificationFindingKind> Kinds(VerificationClaim claim, BusinessRegistration? registration) =>
        RegistryMatch.Check(claim, registration).Select(f => f.Kind);

    [Fact]
    public void An_active_NIB_matching_the_business_name_province_and_goods_finds_nothing()
    {
        RegistryMatch.Check(Claim(), Registered).Should().BeEmpty();
    }

    [Theory]
    [InlineData("batik sekar jagad")]
    [InlineData("BATIK SEKAR JAGAD, CV")]
    [InlineData("PT Batik Sekar-Jagad")]
    [InlineData("UD. Batik  Sekar Jagad")]
    [InlineData("Batik Sékar Jagad")]
    public void Business_names_match_whatever_the_case_punctuation_accents_or_legal_form(string storeName)
    {
        Kinds(Claim(storeName), Registered).Should().BeEmpty();
    }

    [Fact]
    public void The_owners_name_matches_when_the_shop_trades_under_another_name()
    {
        Kinds(Claim("Sekar Jagad Official", owner: "SITI RAHAYU"), Registered).Should().BeEmpty();
    }

    [Fact]
    public void Neither_name_matching_is_a_name_mismatch()
    {
        Kinds(Claim("Batik Murah Grosir", owner: "Budi"), Registered).Should().Equal(VerificationFindingKind.NameMismatch);
    }

    [Fact]
    public void A_legal_form_alone_is_not_a_name()
    {
        RegistryMatch.SameName("CV", "PT").Should().BeFalse();
    }

    [Theory]
    [InlineData("Daerah Istimewa Yogyakarta")]
    [InlineData("Provinsi DI Yogyakarta")]
    [InlineData("di yogyakarta")]
    public void Provinces_match_as_written_in_the_registry_or_the_short_form(string province)
    {
        Kinds(Claim(province: province), Registered).Should().BeEmpty();
    }

    [Fact]
    public void Another_province_is_found_with_the_registrys_province()
    {
        var findings = RegistryMatch.Check(Claim(province: "Jawa Tengah"), Registered);

        findings.Select(f => (f.Kind, f.Detail)).Should().Equal((VerificationFindingKind.ProvinceMismatch, "DI Yogyakarta"));
    }

    [Fact]
    public void An_inactive_NIB_is_found_even_when_everything_else_matches()
    {
        Kinds(Claim(), Registered with { Active = false }).Should().Equal(VerificationFindingKind.NibInactive);
    }

    [Fact]
    public void An_unknown_NIB_is_found_as_such()
    {
        Kinds(Claim(), null).Should().Equal(VerificationFindingKind.NibNotFound);
    }

    [Fact]
    public void Each_closed_cluster_the_KBLI_codes_do_not_cover_is_a_finding_naming_it()
    {
        var findings = RegistryMatch.Check(Claim(goods: [ClusterCodes.Textile, ClusterCodes.FoodBeverage, ClusterCodes.Handicraft, "ELECTRONICS"]), Registered with { Kbli = ["13134"] });

        findings.Select(f => (f.Kind, f.Detail)).Should().Equal(
            (VerificationFindingKind.KbliNotCovering, ClusterCodes.Handicraft),
            (VerificationFindingKind.KbliNotCovering, ClusterCodes.FoodBeverage));
    }

    [Fact]
    public void Every_mismatch_is_reported_at_once()
    {
        Kinds(Claim("Toko Lain", province: "Bali"), Registered with { Active = false, Kbli = ["62010"] }).Should().Equal(
            VerificationFindingKind.NibInactive, VerificationFindingKind.NameMismatch, VerificationFindingKind.ProvinceMismatch, VerificationFindingKind.KbliNotCovering);
    }
}

public class KbliClustersTests
{
    [Theory]
    [InlineData("13134", ClusterCodes.Textile)]
    [InlineData("14111", ClusterCodes.Textile)]
    [InlineData("15201", ClusterCodes.Textile)]
    [InlineData("10792", ClusterCodes.FoodBeverage)]
    [InlineData("11040", ClusterCodes.FoodBeverage)]
    [InlineData("16292", ClusterCodes.Handicraft)]
    [InlineData("23931", ClusterCodes.Handicraft)]
    [InlineData("32111", ClusterCodes.Handicraft)]
    [InlineData("47211", ClusterCodes.FoodBeverage)]
    [InlineData("47711", ClusterCodes.Textile)]
    [InlineData("47912", ClusterCodes.Textile)]
    [InlineData("47737", ClusterCodes.Handicraft)]
    public void A_maker_or_trader_code_covers_its_cluster(string kbli, string cluster)
    {
        KbliClusters.ClustersOf(kbli).Should().Equal(cluster);
    }

    [Fact]
    public void General_retail_covers_every_closed_cluster()
    {
        KbliClusters.ClustersOf("47111").Should().BeEquivalentTo([ClusterCodes.Textile, ClusterCodes.FoodBeverage, ClusterCodes.Handicraft]);
    }

    [Theory]
    [InlineData("62010")]
    [InlineData("47411")]
    [InlineData("47300")]
    [InlineData("")]
    public void Software_fuel_and_electronics_cover_none(string kbli)
    {
        KbliClusters.ClustersOf(kbli).Should().BeEmpty();
    }

    [Fact]
    public void A_cluster_outside_the_map_needs_no_code()
    {
        KbliClusters.Covers([], "ELECTRONICS").Should().BeTrue();
        KbliClusters.Covers([], ClusterCodes.Textile).Should().BeFalse();
    }
}
