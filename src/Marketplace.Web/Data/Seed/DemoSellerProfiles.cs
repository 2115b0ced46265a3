using Marketplace.Domain.Sellers;

namespace Marketplace.Web.Data.Seed;

/// <summary>What a demo shop is and what it sells: mostly its main categories, and a share of listings from its side categories.</summary>
internal sealed record SellerProfile(
    string StoreName,
    string Slug,
    string SkuPrefix,
    string CountryCode,
    string Province,
    string City,
    bool HasNib,
    IReadOnlyList<string> Main,
    IReadOnlyList<string> Side,
    int SidePercent,
    int ImportedPercent = 4)
{
    public SellerOrigin Origin => CountryCode == Domain.Sellers.CountryCode.Indonesia ? SellerOrigin.Local : SellerOrigin.CrossBorder;
}

/// <summary>A cross-border listing whose title reads like a blocked cluster's goods but sits in an open category.</summary>
internal sealed record MisplacedListing(string SellerSlug, string CategorySlug, string Title);

internal static class DemoSellerProfiles
{
    /// <summary>Local shops first, then cross-border ones; the first of each is the one the demo accounts log in to.</summary>
    public static IReadOnlyList<SellerProfile> All { get; } =
    [
        Local("Batik Sekar Jagad", DemoDataGenerator.DemoLocalSellerSlug, "BSJ", "Jawa Tengah", "Surakarta", true, ["batik-tulis", "batik-cap", "batik-printing", "batik-sutra", "kemeja-batik-pria", "dress-wanita", "blus-wanita", "selendang-syal", "kain-lurik", "dasi-sapu-tangan"]),
        Local("Keripik Bu Tini", "keripik-bu-tini", "KBT", "Jawa Timur", "Malang", true, ["keripik", "kerupuk", "rempeyek", "kacang", "manisan-buah", "sambal", "rengginang-opak"]),
        Local("Rotan Cirebon Jaya", "rotan-cirebon-jaya", "RCJ", "Jawa Barat", "Cirebon", true, ["anyaman-rotan", "furnitur-rotan", "anyaman-bambu", "anyaman-eceng-gondok", "lukisan-kaca", "topeng"], ["lampu-hias", "rak-lemari"], 8),
        Local("Kopi Gayo Mandiri", "kopi-gayo-mandiri", "KGM", "Aceh", "Takengon", true, ["kopi-bubuk", "kopi-biji", "kopi-luwak", "kopi-siap-minum", "rempah"]),
        Local("Tenun Sumba Lestari", "tenun-sumba-lestari", "TSL", "Nusa Tenggara Timur", "Waingapu", false, ["tenun-sumba", "tenun-ikat", "selendang-syal", "sarung", "taplak-meja"]),
        Local("Songket Palembang Indah", "songket-palembang-indah", "SPI", "Sumatera Selatan", "Palembang", true, ["songket", "kain-jumputan", "pempek", "kerupuk", "sarung"]),
        Local("Ulos Toba Nauli", "ulos-toba-nauli", "UTN", "Sumatera Utara", "Balige", false, ["ulos", "sarung", "selendang-syal", "kopi-bubuk", "tenun-ikat"]),
        Local("Perak Kotagede Sejati", "perak-kotagede-sejati", "PKS", "DI Yogyakarta", "Yogyakarta", true, ["perak-kotagede", "manik-manik", "perhiasan-mutiara", "kuningan-tembaga", "keris"]),
        Local("Gerabah Kasongan Asri", "gerabah-kasongan-asri", "GKA", "DI Yogyakarta", "Bantul", false, ["gerabah", "keramik", "guci-porselen", "kerajinan-batu"], ["lampu-hias"], 6),
        Local("Ukir Jepara Mulia", "ukir-jepara-mulia", "UJM", "Jawa Tengah", "Jepara", true, ["ukiran-kayu", "mebel-ukir", "patung-kayu", "hiasan-kayu", "peralatan-dapur-kayu", "kaligrafi"], ["jam-dinding", "furnitur-lipat"], 8),
        Local("Sambal Roa Nyiur", "sambal-roa-nyiur", "SRN", "Sulawesi Utara", "Manado", true, ["sambal", "ikan-asin", "abon", "bumbu-instan", "kecap-saus", "ikan-seafood"]),
        Local("Madu Hutan Sumbawa", "madu-hutan-sumbawa", "MHS", "Nusa Tenggara Barat", "Sumbawa Besar", true, ["madu", "gula-aren", "jamu", "telur-susu", "daging-unggas"], ["vitamin-suplemen", "perawatan-tubuh"], 12),
        Local("Mukena Bordir Tasik", "mukena-bordir-tasik", "MBT", "Jawa Barat", "Tasikmalaya", true, ["mukena", "bordir", "selop-bordir", "hijab", "sajadah", "gamis", "baju-koko"]),
        Local("Sepatu Kulit Cibaduyut", "sepatu-kulit-cibaduyut", "SKC", "Jawa Barat", "Bandung", true, ["sepatu-kulit", "sneakers", "sandal", "sepatu-anak", "kerajinan-kulit"], ["alat-olahraga"], 5),
        Local("Dodol Garut Kencana", "dodol-garut-kencana", "DGK", "Jawa Barat", "Garut", false, ["dodol-jenang", "manisan-buah", "kue-kering", "permen-tradisional", "keripik"]),
        Local("Bakpia Pathok Sari Rasa", "bakpia-sari-rasa", "BSR", "DI Yogyakarta", "Yogyakarta", true, ["bakpia", "kue-kering", "keripik", "sirup-minuman", "jamu"]),
        Local("Endek Dewata", "endek-dewata", "EDW", "Bali", "Klungkung", true, ["kain-endek", "sarung", "selendang-syal", "kebaya", "blangkon", "perak-celuk"]),
        Local("Galeri Lukis Ubud", "galeri-lukis-ubud", "GLU", "Bali", "Gianyar", true, ["lukisan", "topeng", "patung-kayu", "kerajinan-batu", "perak-celuk", "wayang-kulit"]),
        Local("Rendang Uni Ema", "rendang-uni-ema", "RUE", "Sumatera Barat", "Padang", true, ["rendang-kemasan", "dendeng", "keripik", "bumbu-instan", "sambal", "kopi-bubuk"]),
        Local("Sasirangan Banua", "sasirangan-banua", "SBN", "Kalimantan Selatan", "Banjarmasin", false, ["kain-sasirangan", "hijab", "blus-wanita", "dress-wanita", "manik-manik", "anyaman-pandan"]),
        Local("Kerupuk Bangka Jaya", "kerupuk-bangka-jaya", "KBJ", "Kepulauan Bangka Belitung", "Pangkal Pinang", true, ["kerupuk", "terasi-petis", "ikan-asin", "ikan-seafood", "rempeyek"]),
        Local("Hijab Azzahra", "hijab-azzahra", "HAZ", "Jawa Barat", "Bandung", true, ["hijab", "gamis", "mukena", "pakaian-anak", "kaos-kaki", "pakaian-bayi"], ["perawatan-wajah", "kosmetik"], 10),
        Local("Gula Aren Lebak Sejahtera", "gula-aren-lebak", "GAL", "Banten", "Rangkasbitung", false, ["gula-aren", "kopi-bubuk", "tepung", "beras", "jamu", "anyaman-bambu"]),
        Local("Kopi Toraja Kalosi", "kopi-toraja-kalosi", "KTK", "Sulawesi Selatan", "Makassar", true, ["kopi-biji", "kopi-bubuk", "teh", "cokelat-kakao", "teh-herbal"]),
        Local("Tapis Lampung Berseri", "tapis-lampung-berseri", "TLB", "Lampung", "Bandar Lampung", true, ["kain-tapis", "kopi-bubuk", "keripik", "selendang-syal", "sarung-bantal"]),
        Local("Noken Papua Mama Yuli", "noken-papua-mama-yuli", "NPY", "Papua", "Jayapura", false, ["noken", "ukiran-kayu", "patung-kayu", "kerajinan-kerang", "anyaman-pandan"]),
        Local("Elektronik Sumber Rejeki", "elektronik-sumber-rejeki", "ESR", "DKI Jakarta", "Jakarta Barat", true, ["charger-adaptor", "kabel-data", "power-bank", "earphone", "lampu-led", "kipas-angin", "penanak-nasi", "blender-mixer", "setrika-vacuum", "speaker"], importedPercent: 30),
        Local("Grosir Plastik Makmur", "grosir-plastik-makmur", "GPM", "Jawa Timur", "Sidoarjo", true, ["wadah-plastik", "rak-lemari", "alat-kebersihan", "peralatan-masak", "botol-minum", "furnitur-lipat", "puzzle-edukasi", "mainan-bayi"], ["anyaman-bambu", "taplak-meja"], 8, 12),

        CrossBorder("Shenzhen Gadget Hub", DemoDataGenerator.DemoCrossBorderSellerSlug, "SGH", "CN", "Guangdong", "Shenzhen", ["smartphone", "tablet", "charger-adaptor", "kabel-data", "power-bank", "casing-hp", "earphone", "speaker", "smartwatch", "kamera-cctv"], ["kaos", "topi", "batik-printing"], 5),
        CrossBorder("Yiwu Home Supplies", "yiwu-home-supplies", "YHS", "CN", "Zhejiang", "Yiwu", ["wadah-plastik", "peralatan-masak", "pisau-talenan", "rak-lemari", "alat-kebersihan", "botol-minum", "lampu-hias", "jam-dinding", "puzzle-edukasi", "boneka"], ["hijab", "sarung", "kaos-kaki", "sandal", "handuk", "sprei-bed-cover", "batik-printing"], 16),
        CrossBorder("HK Digital Store", "hk-digital-store", "HKD", "HK", "Kowloon", "Mong Kok", ["laptop", "keyboard-mouse", "monitor", "router-modem", "flashdisk-memori", "kamera-cctv", "earphone", "televisi"], ["teh"], 3),
        CrossBorder("SG Kids Mart", "sg-kids-mart", "SKM", "SG", "Central Region", "Singapore", ["boneka", "mainan-remote", "puzzle-edukasi", "board-game", "mainan-bayi", "vitamin-suplemen", "botol-minum"], ["pakaian-anak", "pakaian-bayi", "sepatu-anak"], 8),
        CrossBorder("KL Fashion Outlet", "kl-fashion-outlet", "KLF", "MY", "Kuala Lumpur", "Kuala Lumpur", ["parfum", "kosmetik", "smartwatch", "perawatan-wajah"], ["dress-wanita", "hijab", "gamis", "kemeja-batik-pria", "sneakers", "blus-wanita", "jaket"], 55),
        CrossBorder("Penang Auto Parts", "penang-auto-parts", "PAP", "MY", "Pulau Pinang", "George Town", ["aki-kendaraan", "dashcam-head-unit", "lampu-kendaraan", "ban-velg", "oli-pelumas", "suku-cadang-mobil", "suku-cadang-motor", "knalpot"], ["kopi-bubuk"], 4),
        CrossBorder("Bangkok Beauty Supply", "bangkok-beauty-supply", "BBS", "TH", "Bangkok", "Bangkok", ["perawatan-wajah", "perawatan-rambut", "kosmetik", "perawatan-tubuh", "parfum", "obat-bebas"], ["keripik", "teh", "sambal"], 12),
        CrossBorder("Saigon Kitchenware", "saigon-kitchenware", "SKW", "VN", "Ho Chi Minh City", "Ho Chi Minh City", ["peralatan-masak", "pisau-talenan", "wadah-plastik", "botol-minum", "blender-mixer", "penanak-nasi"], ["kopi-bubuk", "kopi-biji"], 12),
        CrossBorder("Seoul K-Beauty Direct", "seoul-k-beauty-direct", "SKB", "KR", "Seoul", "Seoul", ["perawatan-wajah", "perawatan-rambut", "kosmetik", "perawatan-tubuh", "vitamin-suplemen"], ["mie-kering", "sambal"], 8),
        CrossBorder("Osaka Hobby Japan", "osaka-hobby-japan", "OHJ", "JP", "Osaka", "Osaka", ["action-figure", "mainan-remote", "board-game", "puzzle-edukasi", "kamera-cctv"], ["teh"], 5),
        CrossBorder("California Tech Outlet", "california-tech-outlet", "CTO", "US", "California", "Los Angeles", ["laptop", "smartwatch", "earphone", "tablet", "vitamin-suplemen", "alat-kesehatan"], ["kopi-biji"], 4),
    ];

    /// <summary>
    /// Sellers who move blocked goods into open categories to dodge the block. Some spell the words oddly ("B4tik", "Kripik"),
    /// which the lexicon's folding still catches.
    /// </summary>
    public static IReadOnlyList<MisplacedListing> Misplaced { get; } =
    [
        new(DemoDataGenerator.DemoCrossBorderSellerSlug, "casing-hp", "Kemeja Batik Pria Premium Lengan Panjang"),
        new(DemoDataGenerator.DemoCrossBorderSellerSlug, "kabel-data", "Kemeja B4tik Pria Slim Fit Motif Parang"),
        new(DemoDataGenerator.DemoCrossBorderSellerSlug, "smartwatch", "Sepatu Sneakers Pria Running Ringan"),
        new("yiwu-home-supplies", "wadah-plastik", "Kripik Kentang Rumput Laut 150 gr"),
        new("yiwu-home-supplies", "rak-lemari", "Keranjang Anyaman Rotan Serbaguna Ukuran Besar"),
        new("yiwu-home-supplies", "alat-kebersihan", "Hijab Segi Empat Voal Premium"),
        new("saigon-kitchenware", "peralatan-masak", "Kopi Robusta Vietnam Bubuk 500 gr"),
        new("bangkok-beauty-supply", "perawatan-wajah", "Teh Susu Thailand Bubuk 400 gr"),
        new("kl-fashion-outlet", "parfum", "Kebaya Brokat Modern Wanita"),
        new("seoul-k-beauty-direct", "vitamin-suplemen", "Madu Yuja Korea 1 kg"),
        new("osaka-hobby-japan", "action-figure", "Mug Keramik Handmade Gaya Jepang"),
        new("california-tech-outlet", "vitamin-suplemen", "Arabica Coffee Beans Medium Roast 1 lb"),
        new("hk-digital-store", "earphone", "Silk Batik Scarf Premium Gift Box"),
        new("penang-auto-parts", "suku-cadang-mobil", "Kain Songket Tenunan Tangan Premium"),
        new("sg-kids-mart", "boneka", "Mukena Anak Karakter Lucu"),
    ];

    private static SellerProfile Local(
        string storeName,
        string slug,
        string skuPrefix,
        string province,
        string city,
        bool hasNib,
        string[] main,
        string[]? side = null,
        int sidePercent = 0,
        int importedPercent = 4) =>
        new(storeName, slug, skuPrefix, CountryCode.Indonesia, province, city, hasNib, main, side ?? [], sidePercent, importedPercent);

    private static SellerProfile CrossBorder(
        string storeName,
        string slug,
        string skuPrefix,
        string countryCode,
        string region,
        string city,
        string[] main,
        string[] side,
        int sidePercent) =>
        new(storeName, slug, skuPrefix, countryCode, region, city, false, main, side, sidePercent, 100);
}
