using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Data.Seed;

namespace Marketplace.Web.Tests.Seed;

internal static class ReferenceLexicons
{
    public static IReadOnlyList<ClusterLexicon> Blocked { get; } = ReferenceCatalog.Lexicons
        .Select((l, i) => new ClusterLexicon(new ClusterRef(i + 1, l.ClusterCode, l.ClusterCode, l.ClusterCode), l.Terms))
        .ToList();

    public static ClusterLexicon For(string clusterCode) => Blocked.Single(l => l.Cluster.Code == clusterCode);

    public static IEnumerable<string> ClustersMatching(string text) =>
        Blocked.Where(l => l.Matches(text).Count > 0).Select(l => l.Cluster.Code);
}

public class The_reference_catalog
{
    private static readonly string[] BlockedCodes = [ClusterCodes.Textile, ClusterCodes.FoodBeverage, ClusterCodes.Handicraft];

    private static IEnumerable<CategorySeed> Leaves => ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null);

    [Fact]
    public void Has_the_three_blocked_clusters_and_at_least_four_open_ones()
    {
        ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => c.Code).Should().BeEquivalentTo(BlockedCodes);
        ReferenceCatalog.Clusters.Count(c => !c.BlockedForCrossBorder).Should().BeGreaterThanOrEqualTo(4);
        ReferenceCatalog.Clusters.Should().OnlyContain(c => ClusterCodes.Normalize(c.Code) == c.Code);
        ReferenceCatalog.Clusters.Select(c => c.Code).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Has_at_least_a_hundred_leaf_categories_in_the_blocked_clusters_and_forty_in_open_ones()
    {
        Leaves.Count(c => BlockedCodes.Contains(c.ClusterCode!)).Should().BeGreaterThanOrEqualTo(100);
        Leaves.Count(c => !BlockedCodes.Contains(c.ClusterCode!)).Should().BeGreaterThanOrEqualTo(40);
        foreach (var code in BlockedCodes)
        {
            Leaves.Count(c => c.ClusterCode == code).Should().BeGreaterThanOrEqualTo(25, $"{code} needs many commodities");
        }
    }

    [Fact]
    public void Slugs_are_valid_and_unique()
    {
        foreach (var category in ReferenceCatalog.Categories)
        {
            CategorySlug.Normalize(category.Slug).Should().Be(category.Slug);
        }

        ReferenceCatalog.Categories.Select(c => c.Slug).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Every_parent_is_a_branch_listed_before_its_children()
    {
        var seen = new Dictionary<string, CategorySeed>(StringComparer.Ordinal);
        foreach (var category in ReferenceCatalog.Categories)
        {
            if (category.ParentSlug is not null)
            {
                seen.Should().ContainKey(category.ParentSlug, $"the parent of {category.Slug} comes first");
                seen[category.ParentSlug].ClusterCode.Should().BeNull($"{category.ParentSlug} is a branch");
            }

            seen[category.Slug] = category;
        }
    }

    [Fact]
    public void Every_leaf_belongs_to_a_known_cluster_and_carries_nouns_prices_and_hs_chapters()
    {
        var codes = ReferenceCatalog.Clusters.Select(c => c.Code).ToHashSet();
        foreach (var leaf in Leaves)
        {
            codes.Should().Contain(leaf.ClusterCode!);
            leaf.ParentSlug.Should().NotBeNull();
            leaf.ProductNouns.Count.Should().BeInRange(3, 8, leaf.Slug);
            leaf.MinPrice.Should().BePositive();
            leaf.MinPrice.Should().BeLessThan(leaf.MaxPrice, leaf.Slug);
            leaf.HsChapters.Should().NotBeEmpty().And.OnlyContain(h => h >= 1 && h <= 97);
            leaf.NameEn.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Textile_and_food_leaves_use_the_hs_chapters_of_their_cluster()
    {
        Leaves.Where(c => c.ClusterCode == ClusterCodes.Textile).Should().OnlyContain(c => c.HsChapters.All(h => h >= 50 && h <= 65));
        Leaves.Where(c => c.ClusterCode == ClusterCodes.FoodBeverage).Should().OnlyContain(c => c.HsChapters.All(h => h >= 2 && h <= 22));
    }

    [Fact]
    public void Local_sellers_come_from_listed_provinces_and_cross_border_sellers_from_listed_countries()
    {
        DemoPlaces.Provinces.Count.Should().BeGreaterThanOrEqualTo(10);
        var data = DemoDataGenerator.Generate();
        foreach (var seller in data.Sellers)
        {
            var regions = seller.Origin == SellerOrigin.Local
                ? DemoPlaces.Provinces
                : DemoPlaces.Countries.Single(c => c.Code == seller.CountryCode).Regions;
            regions.Should().Contain(r => r.Name == seller.Province && r.Cities.Contains(seller.City), seller.Slug);
        }
    }
}

public class Reference_lexicons
{
    [Theory]
    [InlineData("Kemeja Batik Pria", ClusterCodes.Textile)]
    [InlineData("Kopi Arabika Gayo", ClusterCodes.FoodBeverage)]
    [InlineData("Keranjang Anyaman Rotan", ClusterCodes.Handicraft)]
    [InlineData("Kemeja B4tik Pria Slim Fit", ClusterCodes.Textile)]
    [InlineData("Kripik Kentang Rumput Laut", ClusterCodes.FoodBeverage)]
    public void Goods_of_a_blocked_cluster_match_its_lexicon(string title, string clusterCode) =>
        ReferenceLexicons.ClustersMatching(title).Should().Contain(clusterCode);

    [Theory]
    [InlineData("Baterai Lithium 18650")]
    [InlineData("Charger USB-C 65W")]
    [InlineData("Casing HP Samsung A55 Bening")]
    [InlineData("Rak Besi Serbaguna 4 Susun")]
    [InlineData("Tempat Sampah Plastik Tebal")]
    public void Everyday_open_goods_match_no_lexicon(string title) =>
        ReferenceLexicons.ClustersMatching(title).Should().BeEmpty();

    [Fact]
    public void Each_blocked_cluster_has_at_least_25_terms_in_indonesian_regional_languages_and_english()
    {
        ReferenceCatalog.Lexicons.Select(l => l.ClusterCode).Should().BeEquivalentTo(ClusterCodes.Textile, ClusterCodes.FoodBeverage, ClusterCodes.Handicraft);
        foreach (var lexicon in ReferenceCatalog.Lexicons)
        {
            lexicon.Terms.Count.Should().BeGreaterThanOrEqualTo(25, lexicon.ClusterCode);
            lexicon.Terms.Should().OnlyHaveUniqueItems();
        }
    }

    [Theory]
    [InlineData(ClusterCodes.Textile, "batik")]
    [InlineData(ClusterCodes.Textile, "fabric")]
    [InlineData(ClusterCodes.FoodBeverage, "kopi")]
    [InlineData(ClusterCodes.FoodBeverage, "honey")]
    [InlineData(ClusterCodes.Handicraft, "anyaman")]
    [InlineData(ClusterCodes.Handicraft, "rattan")]
    public void Lexicons_hold_both_indonesian_and_english_words(string clusterCode, string term) =>
        ReferenceLexicons.For(clusterCode).Terms.Should().Contain(term);

    [Fact]
    public void No_open_category_name_or_noun_matches_a_blocked_lexicon()
    {
        var blocked = ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => c.Code).ToHashSet();
        foreach (var leaf in ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null && !blocked.Contains(c.ClusterCode)))
        {
            foreach (var text in leaf.ProductNouns.Append(leaf.NameId).Append(leaf.NameEn))
            {
                ReferenceLexicons.ClustersMatching(text).Should().BeEmpty($"'{text}' in {leaf.Slug} is not a blocked cluster's good");
            }
        }
    }

    [Fact]
    public void Every_blocked_leaf_has_a_noun_its_own_lexicon_recognises()
    {
        foreach (var leaf in ReferenceCatalog.Categories.Where(c => c.ClusterCode is ClusterCodes.Textile or ClusterCodes.FoodBeverage or ClusterCodes.Handicraft))
        {
            var lexicon = ReferenceLexicons.For(leaf.ClusterCode!);
            leaf.ProductNouns.Should().Contain(n => lexicon.Matches(n).Count > 0, $"{leaf.Slug} should be recognisable as {leaf.ClusterCode}");
        }
    }
}

public class Generating_demo_data
{
    private static readonly DemoData DataValue = DemoDataGenerator.Generate();

    [Fact]
    public void Generating_twice_with_the_same_seed_gives_the_same_data()
    {
        var again = DemoDataGenerator.Generate(2021);

        JsonSerializer.Serialize(again.Sellers).Should().Be(JsonSerializer.Serialize(DataValue.Sellers));
        again.Listings.Should().HaveSameCount(DataValue.Listings);
        for (var i = 0; i < DataValue.Listings.Count; i++)
        {
            again.Listings[i].Should().Be(DataValue.Listings[i], $"listing {i} is generated from the same seed");
        }

        JsonSerializer.Serialize(again.Listings).Should().Be(JsonSerializer.Serialize(DataValue.Listings));
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var other = DemoDataGenerator.Generate(7);

        JsonSerializer.Serialize(other.Listings).Should().NotBe(JsonSerializer.Serialize(DataValue.Listings));
    }

    [Fact]
    public void Gives_local_sellers_from_many_provinces_and_cross_border_sellers_from_many_countries()
    {
        DataValue.Sellers.Count.Should().BeGreaterThanOrEqualTo(30);
        var local = DataValue.Sellers.Where(s => s.Origin == SellerOrigin.Local).ToList();
        var crossBorder = DataValue.Sellers.Where(s => s.Origin == SellerOrigin.CrossBorder).ToList();

        local.Select(s => s.Province).Distinct().Count().Should().BeGreaterThanOrEqualTo(5);
        local.Should().OnlyContain(s => s.CountryCode == CountryCode.Indonesia);
        crossBorder.Select(s => s.CountryCode).Distinct().Count().Should().BeGreaterThanOrEqualTo(4);
        crossBorder.Should().OnlyContain(s => s.CountryCode != CountryCode.Indonesia && s.Nib == null);
        local.Count(s => s.Nib != null).Should().BeGreaterThan(local.Count / 2);
        local.Should().Contain(s => s.Nib == null);
    }

    [Fact]
    public void Every_seller_passes_the_domain_rules()
    {
        DataValue.Sellers.Select(s => s.Slug).Should().OnlyHaveUniqueItems();
        foreach (var s in DataValue.Sellers)
        {
            var seller = new Seller("demo-user", s.StoreName, s.Slug, s.Origin, s.CountryCode, s.Province, s.City, s.Nib, DateTimeOffset.UnixEpoch);
            seller.Slug.Should().Be(s.Slug);
            seller.Nib.Should().Be(s.Nib);
        }
    }

    [Fact]
    public void The_demo_accounts_attach_to_a_batik_shop_and_an_electronics_trader()
    {
        DataValue.Sellers.First(s => s.Origin == SellerOrigin.Local).Slug.Should().Be(DemoDataGenerator.DemoLocalSellerSlug);
        DataValue.Sellers.First(s => s.Origin == SellerOrigin.CrossBorder).Slug.Should().Be(DemoDataGenerator.DemoCrossBorderSellerSlug);

        var clusterOf = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug, c => c.ClusterCode!);
        var batik = DataValue.Listings.Where(l => l.SellerSlug == DemoDataGenerator.DemoLocalSellerSlug).ToList();
        batik.Count(l => clusterOf[l.CategorySlug] == ClusterCodes.Textile).Should().BeGreaterThan(batik.Count / 2);
        var gadgets = DataValue.Listings.Where(l => l.SellerSlug == DemoDataGenerator.DemoCrossBorderSellerSlug).ToList();
        gadgets.Count(l => clusterOf[l.CategorySlug] == ReferenceCatalog.Electronics).Should().BeGreaterThan(gadgets.Count / 2);
    }

    [Fact]
    public void Gives_at_least_three_thousand_listings_that_pass_the_domain_rules()
    {
        DataValue.Listings.Count.Should().BeGreaterThanOrEqualTo(3_000);
        var sellers = DataValue.Sellers.Select(s => s.Slug).ToHashSet();
        var categories = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug);

        foreach (var l in DataValue.Listings)
        {
            sellers.Should().Contain(l.SellerSlug);
            categories.Should().ContainKey(l.CategorySlug);
            var content = new ListingContent(1, l.Title, l.Description, new Rupiah(l.Price), l.Stock, l.Origin, l.TkdnPercent);
            content.Title.Should().Be(l.Title, "titles carry no stray spaces");
            ListingContent.NormalizeSku(l.Sku).Should().Be(l.Sku);
            l.Price.Should().BeInRange(categories[l.CategorySlug].MinPrice, categories[l.CategorySlug].MaxPrice);
        }
    }

    [Fact]
    public void Skus_are_unique_within_each_seller()
    {
        foreach (var group in DataValue.Listings.GroupBy(l => l.SellerSlug))
        {
            group.Select(l => l.Sku).Should().OnlyHaveUniqueItems(group.Key);
        }
    }

    [Fact]
    public void Cross_border_sellers_list_some_blocked_goods_and_local_sellers_mostly_blocked_cluster_goods()
    {
        var blocked = ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => c.Code).ToHashSet();
        var clusterOf = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug, c => c.ClusterCode!);
        var crossBorderSellers = DataValue.Sellers.Where(s => s.Origin == SellerOrigin.CrossBorder).Select(s => s.Slug).ToHashSet();

        var crossBorder = DataValue.Listings.Where(l => crossBorderSellers.Contains(l.SellerSlug)).ToList();
        var local = DataValue.Listings.Where(l => !crossBorderSellers.Contains(l.SellerSlug)).ToList();
        var crossBorderBlockedShare = crossBorder.Count(l => blocked.Contains(clusterOf[l.CategorySlug])) / (double)crossBorder.Count;

        crossBorderBlockedShare.Should().BeInRange(0.08, 0.18);
        crossBorder.Should().OnlyContain(l => l.Origin == ProductOrigin.Imported && l.TkdnPercent == null);
        local.Count(l => blocked.Contains(clusterOf[l.CategorySlug])).Should().BeGreaterThan(local.Count * 3 / 4);
        local.Count(l => l.Origin == ProductOrigin.Imported).Should().BeInRange(local.Count / 50, local.Count / 10);
        local.Should().Contain(l => l.TkdnPercent != null);
        DataValue.Listings.Count(l => l.Stock == 0).Should().BeInRange(DataValue.Listings.Count / 50, DataValue.Listings.Count / 10);
    }

    [Fact]
    public void Only_a_handful_of_imported_listings_in_open_categories_read_like_blocked_goods_and_only_by_their_title()
    {
        var blocked = ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => c.Code).ToHashSet();
        var clusterOf = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug, c => c.ClusterCode!);

        var suspicious = DataValue.Listings
            .Where(l => l.Origin == ProductOrigin.Imported && !blocked.Contains(clusterOf[l.CategorySlug]))
            .Where(l => ReferenceLexicons.ClustersMatching(l.Title + "\n" + l.Description).Any())
            .ToList();

        suspicious.Count.Should().BeInRange(5, 30);
        suspicious.Should().OnlyContain(l => ReferenceLexicons.ClustersMatching(l.Title).Any());
    }
}
