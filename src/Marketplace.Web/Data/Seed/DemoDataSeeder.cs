using System.Text.Json;
using Marketplace.Domain;
using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Payouts;
using Marketplace.Web.Features.Policy;
using Marketplace.Web.Features.Sellers.Images;
using Marketplace.Web.Features.Sellers.Verification;
using Marketplace.Web.Features.Verification;
using Marketplace.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Data.Seed;

/// <summary>
/// Loads the demo shops, listings and accounts into an empty database. Every listing is published through the listing
/// policy exactly as a seller's publish would be, so the demo holds published, rejected and waiting listings with their
/// decisions. The same seed always gives the same shops, listings, photos and outcomes; only the publication instant is the clock's.
/// </summary>
internal static class DemoDataSeeder
{
    public const string ShopperEmail = "pembeli@demo.pasar.id";
    public const string LocalSellerEmail = "penjual@demo.pasar.id";
    public const string CrossBorderSellerEmail = "crossborder@demo.pasar.id";
    public const string AdminEmail = "admin@demo.pasar.id";
    public const string DefaultPassword = "pasar-umkm-2026";

    /// <summary>Local demo shops whose evidence waits in the admins' verification queue.</summary>
    public const int WaitingForVerification = 3;

    /// <summary>Distinct drawn photos a demo shop keeps for its listings in one category.</summary>
    public const int ShotsPerShopCategory = 3;

    // PostgreSQL stores instants in UTC, and Npgsql accepts only UTC offsets.
    public static readonly DateTimeOffset Epoch = new DateTimeOffset(2026, 10, 1, 7, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    public static async Task SeedIfEmptyAsync(IServiceProvider scoped, int seed, string password, CancellationToken cancellationToken = default)
    {
        var db = scoped.GetRequiredService<MarketplaceDbContext>();
        if (await db.Sellers.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = scoped.GetRequiredService<UserManager<ApplicationUser>>();
        var data = DemoDataGenerator.Generate(seed);

        await CreateUserAsync(users, ShopperEmail, "Pembeli Demo", password, Roles.Shopper);
        await CreateUserAsync(users, AdminEmail, "Admin Demo", password, Roles.Admin);

        // A few local shops have sent evidence that no admin has looked at yet, so the verification queue has work.
        var waitingForVerification = data.Sellers
            .Where(s => s.Origin == SellerOrigin.Local && s.Slug != DemoDataGenerator.DemoLocalSellerSlug)
            .TakeLast(WaitingForVerification)
            .Select(s => s.Slug)
            .ToHashSet(StringComparer.Ordinal);
        var sellers = new Dictionary<string, Seller>();
        foreach (var shop in data.Sellers)
        {
            var (email, withPassword) = shop.Slug switch
            {
                DemoDataGenerator.DemoLocalSellerSlug => (LocalSellerEmail, true),
                DemoDataGenerator.DemoCrossBorderSellerSlug => (CrossBorderSellerEmail, true),
                _ => ($"{shop.Slug}@toko.demo.pasar.id", false),
            };
            var user = await CreateUserAsync(users, email, shop.StoreName, withPassword ? password : null, Roles.Shopper, Roles.Seller);
            var seller = new Seller(user.Id, shop.StoreName, shop.Slug, shop.Origin, shop.CountryCode, shop.Province, shop.City, shop.Nib, Epoch);

            // The profile form requires contact details, so every demo shop has them.
            seller.SetContact(email, $"0812-{1000 + sellers.Count:D4}-{2026 + sellers.Count:D4}");
            if (shop.Origin == SellerOrigin.Local)
            {
                seller.RequestLocalVerification();
                if (!waitingForVerification.Contains(shop.Slug))
                {
                    seller.VerifyLocalOrigin(Epoch);
                }
            }

            db.Sellers.Add(seller);
            sellers[shop.Slug] = seller;
        }

        await db.SaveChangesAsync(cancellationToken);

        // The sandbox bank knows one account per demo shop, under the shop's name, so a demo seller can add it and withdraw.
        db.SandboxBankAccounts.AddRange(sellers.Values.Select(s => new SandboxBankAccount("BCA", SandboxBankAccount.DemoNumber(s.Id), s.StoreName.ToUpperInvariant())));
        await db.SaveChangesAsync(cancellationToken);
        await AddWaitingEvidenceAsync(db, scoped.GetRequiredService<EvidenceStore>(), waitingForVerification.Select(slug => sellers[slug]), cancellationToken);

        var categories = await db.Categories.AsNoTracking().Where(c => c.ClusterId != null).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        // The generator lists shop by shop; a shuffle from the same seed interleaves the shops, so the newest shelf shows many.
        var rows = data.Listings.ToArray();
        new Random(seed).Shuffle(rows);
        var listings = rows
            .Select((row, i) => new Listing(
                sellers[row.SellerSlug].Id,
                row.Sku,
                new ListingContent(categories[row.CategorySlug], row.Title, row.Description, new Rupiah(row.Price), row.Stock, row.Origin, row.TkdnPercent),
                Epoch.AddMinutes(7 * i)))
            .ToList();
        AddSizeVariants(rows, listings);
        db.Listings.AddRange(listings);
        await db.SaveChangesAsync(cancellationToken);

        // Every listing gets a drawn photo (a listing is published only with one), stored through the same pipeline as
        // uploads. A shop's listings in one category share a few product shots, as shops reuse theirs: drawing and
        // re-encoding a picture for each of the thousands of listings made the first start take minutes.
        var images = scoped.GetRequiredService<ImageStore>();
        var clusterOf = await (from c in db.Categories join k in db.Clusters on c.ClusterId equals k.Id select new { c.Id, k.Code })
            .ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var slugOf = categories.ToDictionary(c => c.Value, c => c.Key);
        var listedIn = new Dictionary<(int Seller, int Category), int>();
        var shots = new Dictionary<(int Seller, int Category, int Shot), StoredImage>();
        foreach (var listing in listings)
        {
            var shelf = (listing.SellerId, listing.CategoryId);
            var earlier = listedIn.GetValueOrDefault(shelf);
            listedIn[shelf] = earlier + 1;
            var shot = (listing.SellerId, listing.CategoryId, earlier % ShotsPerShopCategory);
            if (!shots.TryGetValue(shot, out var photo))
            {
                var drawn = DemoPhotos.Draw(listing.Id, slugOf[listing.CategoryId], clusterOf[listing.CategoryId]);
                photo = (await images.SaveAsync($"demo-{listing.Id}.webp", drawn, listing.SellerId, cancellationToken)).Image
                    ?? throw new InvalidOperationException("A drawn demo photo was refused by the image store.");
                shots.Add(shot, photo);
            }

            listing.AddImage(photo.Name, photo.ContentType);
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedRegistryAsync(db, scoped.GetRequiredService<SandboxRegistry>(), sellers.Values, listings, clusterOf, cancellationToken);
        db.ChangeTracker.Clear();

        // The demo shops publish through the same enforcement point as every seller.
        var publication = scoped.GetRequiredService<ListingPublication>();
        await publication.PublishAsync(listings.Select(l => l.Id).ToList(), DecisionTrigger.SellerPublish, "seed", cancellationToken);

        // Statistics before the first shopper: the storefront's prepared statements keep the generic plan PostgreSQL makes
        // from the statistics of that moment, and on tables filled seconds ago autovacuum has not analysed yet, home ran at
        // half its speed for as long as the site ran.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
    }

    /// <summary>
    /// A few clothes and shoes of local shops are sold in sizes, each with its price and stock, as fashion shops sell
    /// them; the rest of the demo stays one listing per product. Deterministic: the first rows of these categories.
    /// </summary>
    private static void AddSizeVariants(ListingSeed[] rows, List<Listing> listings)
    {
        string[] clothes = ["kemeja", "kemeja-batik-pria", "kaos", "blus-wanita", "gamis", "kebaya"];
        string[] shoes = ["sepatu-kulit", "sepatu"];
        var chosen = 0;
        for (var i = 0; i < rows.Length && chosen < 8; i++)
        {
            var row = rows[i];
            var isShoe = shoes.Contains(row.CategorySlug);
            if (row.Origin != ProductOrigin.Local || (!isShoe && !clothes.Contains(row.CategorySlug)))
            {
                continue;
            }

            string[] sizes = isShoe ? ["39", "40", "41", "42", "43"] : ["S", "M", "L", "XL"];
            var drafts = sizes.Select((size, n) => new VariantDraft(
                null,
                new VariantOptions("Ukuran", size),
                new Rupiah(row.Price + (n >= sizes.Length - 1 ? 10_000 : 0)),
                n == 1 ? 0 : 3 + ((i + n) % 9))).ToList();
            listings[i].SetVariants(drafts, listings[i].CreatedAt);
            chosen++;
        }
    }

    /// <summary>
    /// The sandbox registry knows every demo local shop's NIB, as OSS would, with the shop's name, province and a KBLI
    /// code of its goods. The requests waiting in the admins' queue each differ from the registry in one way (province,
    /// an inactive NIB, names), and carry the findings the matching rule gives, so the queue shows its reasons at once.
    /// </summary>
    private static async Task SeedRegistryAsync(
        MarketplaceDbContext db, SandboxRegistry registry, IEnumerable<Seller> shops, List<Listing> listings, Dictionary<int, string> clusterOf,
        CancellationToken cancellationToken)
    {
        var goods = listings.GroupBy(l => l.SellerId).ToDictionary(g => g.Key, g => g.Select(l => clusterOf[l.CategoryId]).Distinct().ToList());
        var locals = shops.Where(s => s.Origin == SellerOrigin.Local).ToDictionary(s => s.Id);
        foreach (var shop in locals.Values.Where(s => s.Nib is not null))
        {
            await registry.PutAsync(Registration(shop.Nib!, shop, goods.GetValueOrDefault(shop.Id) ?? []), cancellationToken);
        }

        var waiting = await db.OriginEvidence.Where(e => e.Status == OriginVerification.Pending).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var (evidence, i) in waiting.Select((e, i) => (e, i)))
        {
            var shop = locals[evidence.SellerId];
            var sold = goods.GetValueOrDefault(shop.Id) ?? [];
            var registration = Registration(evidence.IdentityNumber, shop, sold);
            registration = (i % 3) switch
            {
                0 => registration with { Province = shop.Province == "Jawa Barat" ? "Banten" : "Jawa Barat" },
                1 => registration with { Active = false },
                _ => registration with { BusinessName = "CV Sumber Rejeki Abadi", OwnerName = "Hendra Wijaya" },
            };
            await registry.PutAsync(registration, cancellationToken);
            var claim = new VerificationClaim(shop.StoreName, evidence.OwnerName, evidence.Province, sold);
            evidence.RecordCheck(JsonSerializer.Serialize(RegistryAnswerBody.Of(registration.Nib, registration, Epoch)), RegistryMatch.Check(claim, registration), Epoch);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static BusinessRegistration Registration(string nib, Seller shop, IReadOnlyList<string> clusters)
    {
        // A typical UMKM code per cluster: apparel, bakery and snacks, rattan and bamboo weaving; online retail otherwise.
        var kbli = clusters.Select(c => c switch
        {
            ClusterCodes.Textile => "14111",
            ClusterCodes.FoodBeverage => "10792",
            ClusterCodes.Handicraft => "16292",
            _ => "47919",
        }).Distinct().ToList();
        return new BusinessRegistration(nib, shop.StoreName, $"Pemilik {shop.StoreName}", kbli.Count > 0 ? kbli : ["47919"], shop.Province, true);
    }

    private static async Task AddWaitingEvidenceAsync(MarketplaceDbContext db, EvidenceStore store, IEnumerable<Seller> shops, CancellationToken cancellationToken)
    {
        var number = 0;
        foreach (var shop in shops)
        {
            number++;
            var evidence = new OriginEvidence(
                shop.Id, $"91200{number:D8}", null, $"Jl. Pasar Baru No. {number}", shop.City, shop.Province, $"5{number:D4}", Epoch.AddDays(number));
            var scan = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% NIB {evidence.IdentityNumber} {shop.StoreName}\n%%EOF\n");
            using var stream = new MemoryStream(scan);
            var saved = await store.SaveAsync(stream, "nib.pdf", scan.Length, cancellationToken);
            evidence.AddDocument(saved.StoredName!, saved.ContentType!, saved.FileName, saved.Bytes);
            db.OriginEvidence.Add(evidence);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<ApplicationUser> CreateUserAsync(UserManager<ApplicationUser> users, string email, string name, string? password, params string[] roles)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRolesAsync(user, roles);
        return user;
    }
}
