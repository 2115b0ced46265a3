using System.Globalization;
using System.Text;
using Bogus;
using Marketplace.Domain.Listings;

namespace Marketplace.Web.Data.Seed;

/// <summary>
/// Builds the demo sellers and their listings from <see cref="ReferenceCatalog"/>. The same seed gives the same data on any machine:
/// every choice comes from one seeded <see cref="Randomizer"/> drawing integers, and numbers are formatted without the current culture.
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>The batik UMKM the local demo account logs in to.</summary>
    public const string DemoLocalSellerSlug = "batik-sekar-jagad";

    /// <summary>The electronics trader the cross-border demo account logs in to.</summary>
    public const string DemoCrossBorderSellerSlug = "shenzhen-gadget-hub";

    public static DemoData Generate(int seed = 2021)
    {
        var random = new Randomizer(seed);
        var leaves = ReferenceCatalog.Categories.Where(c => c.ClusterCode is not null).ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var blockedClusters = ReferenceCatalog.Clusters.Where(c => c.BlockedForCrossBorder).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var countries = DemoPlaces.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);

        var sellers = new List<SellerSeed>();
        var listings = new List<ListingSeed>();
        foreach (var profile in DemoSellerProfiles.All)
        {
            sellers.Add(new SellerSeed(
                profile.StoreName,
                profile.Slug,
                profile.Origin,
                profile.CountryCode,
                profile.Province,
                profile.City,
                profile.HasNib ? Nib(random) : null));

            var countryName = PlacedListings.IsShopAbroad(profile.Origin) ? countries[profile.CountryCode].NameId : "Indonesia";
            var writer = new ListingWriter(random, profile, countryName, leaves, blockedClusters);
            listings.AddRange(writer.Write());
        }

        return new DemoData(sellers, listings);
    }

    private static string Nib(Randomizer random)
    {
        var digits = new StringBuilder(13);
        digits.Append((char)('0' + random.Number(1, 9)));
        for (var i = 1; i < 13; i++)
        {
            digits.Append((char)('0' + random.Number(0, 9)));
        }

        return digits.ToString();
    }

    /// <summary>Writes one seller's listings.</summary>
    private sealed class ListingWriter(
        Randomizer random,
        SellerProfile profile,
        string countryName,
        Dictionary<string, CategorySeed> leaves,
        HashSet<string> blockedClusters)
    {
        private readonly HashSet<string> _titles = new(StringComparer.Ordinal);

        private bool CrossBorder => PlacedListings.IsShopAbroad(profile.Origin);

        public List<ListingSeed> Write()
        {
            var count = CrossBorder ? random.Number(90, 150) : random.Number(85, 125);
            var drafts = new List<Draft>(count + 4);
            for (var i = 0; i < count; i++)
            {
                var fromSide = profile.Side.Count > 0 && Chance(profile.SidePercent);
                var category = leaves[Pick(fromSide ? profile.Side : profile.Main)];
                drafts.Add(Listing(category));
            }

            foreach (var misplaced in DemoSellerProfiles.Misplaced.Where(m => m.SellerSlug == profile.Slug))
            {
                var category = leaves[misplaced.CategorySlug];
                drafts.Insert(random.Number(0, drafts.Count), Listing(category, misplaced.Title));
            }

            return Numbered(drafts);
        }

        private Draft Listing(CategorySeed category, string? fixedTitle = null)
        {
            var cluster = category.ClusterCode!;
            var blocked = blockedClusters.Contains(cluster);
            var (title, noun) = fixedTitle is null ? UniqueTitle(category) : (fixedTitle, fixedTitle);
            var origin = CrossBorder || Chance(profile.ImportedPercent) ? ProductOrigin.Imported : ProductOrigin.Local;
            var description = Description(cluster, noun, origin);
            var price = Price(category.MinPrice, category.MaxPrice, CrossBorder && blocked ? 3 : 2);
            var stock = Chance(5) ? 0 : 1 + (int)Skewed(499, 2);
            decimal? tkdn = origin == ProductOrigin.Local && Chance(blocked ? 15 : 45) ? random.Number(51, 190) / 2m : null;
            return new Draft(category.Slug, title, description, price, stock, origin, tkdn);
        }

        /// <summary>A title this seller has not used yet, if a few tries find one, and the noun it starts from.</summary>
        private (string Title, string Noun) UniqueTitle(CategorySeed category)
        {
            var noun = Pick(category.ProductNouns);
            var title = Title(category, noun);
            for (var attempt = 0; attempt < 4 && _titles.Contains(title); attempt++)
            {
                noun = Pick(category.ProductNouns);
                title = Title(category, noun);
            }

            _titles.Add(title);
            return (title, noun);
        }

        private string Title(CategorySeed category, string noun)
        {
            var title = new StringBuilder(noun);
            foreach (var slot in DemoWording.SlotsFor(category, noun))
            {
                var audience = CrossBorder ? SlotAudience.CrossBorder : SlotAudience.Local;
                if ((slot.Audience != SlotAudience.Any && slot.Audience != audience) || !Chance(slot.Percent))
                {
                    continue;
                }

                var option = Pick(slot.Options);
                if ((CrossBorder && option.Contains("{kota}", StringComparison.Ordinal)) || SharesWord(title.ToString(), option))
                {
                    continue;
                }

                title.Append(' ').Append(Fill(option));
            }

            if (CrossBorder && Chance(10))
            {
                title.Append(" Import");
            }

            return title.ToString();
        }

        private string Description(string cluster, string noun, ProductOrigin origin)
        {
            var sentences = new List<string> { Pick(DemoWording.ProductSentences(cluster, origin == ProductOrigin.Imported)) };
            if (Chance(60))
            {
                sentences.Add(Pick(DemoWording.ExtraSentencesFor(cluster)));
            }

            if (CrossBorder)
            {
                if (Chance(75))
                {
                    sentences.Add(Pick(DemoWording.CrossBorderShippingSentences));
                }
            }
            else if (origin == ProductOrigin.Imported)
            {
                sentences.Add(DemoWording.ImportedByLocalSellerSentence);
            }
            else if (Chance(70))
            {
                sentences.Add(Pick(DemoWording.LocalShippingSentences));
            }

            return string.Join(' ', sentences.Select(s => Fill(s).Replace("{noun}", noun, StringComparison.Ordinal)));
        }

        /// <summary>A price in the range, more often near the bottom; cross-border goods in blocked clusters are cheaper still.</summary>
        private long Price(long min, long max, int skew)
        {
            var raw = min + Skewed(max - min, skew);
            long step = raw switch
            {
                < 20_000 => 500,
                < 200_000 => 1_000,
                < 2_000_000 => 5_000,
                < 20_000_000 => 50_000,
                _ => 100_000,
            };
            var price = (raw + (step / 2)) / step * step;
            if (step >= 1_000 && Chance(35))
            {
                price -= 100;
            }

            return Math.Clamp(price, min, max);
        }

        /// <summary>A whole number from 0 to <paramref name="span"/>, drawn as span·u^power with integer arithmetic only.</summary>
        private long Skewed(long span, int power)
        {
            const int scale = 1_000_000;
            var u = (Int128)random.Number(0, scale);
            Int128 numerator = span;
            Int128 denominator = 1;
            for (var i = 0; i < power; i++)
            {
                numerator *= u;
                denominator *= scale;
            }

            return (long)(numerator / denominator);
        }

        private List<ListingSeed> Numbered(List<Draft> drafts)
        {
            var sequence = random.Number(1, 300);
            var listings = new List<ListingSeed>(drafts.Count);
            foreach (var d in drafts)
            {
                var sku = profile.SkuPrefix + "-" + sequence.ToString("D6", CultureInfo.InvariantCulture);
                listings.Add(new ListingSeed(profile.Slug, d.CategorySlug, sku, d.Title, d.Description, d.Price, d.Stock, d.Origin, d.TkdnPercent));
                sequence += random.Number(1, 9);
            }

            return listings;
        }

        private string Fill(string text) => text
            .Replace("{kota}", profile.City, StringComparison.Ordinal)
            .Replace("{provinsi}", profile.Province, StringComparison.Ordinal)
            .Replace("{negara}", countryName, StringComparison.Ordinal);

        private bool Chance(int percent) => random.Number(0, 99) < percent;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Number(0, items.Count - 1)];

        /// <summary>True when a qualifier repeats a word already in the title ("Dodol Garut" and "Khas Garut").</summary>
        private bool SharesWord(string title, string option)
        {
            var words = title.Split(' ');
            return Fill(option).Split(' ').Any(w => w.Length >= 4 && words.Contains(w, StringComparer.OrdinalIgnoreCase));
        }
    }

    private sealed record Draft(string CategorySlug, string Title, string Description, long Price, int Stock, ProductOrigin Origin, decimal? TkdnPercent);
}
