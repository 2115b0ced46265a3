using Marketplace.Domain.Catalog;

namespace Marketplace.Web.Data.Seed;

/// <summary>
/// The catalog every installation starts with: clusters, the category tree and the keyword lexicons of the blocked clusters.
/// Branches come before their children, so the list can be inserted in order.
/// </summary>
public static class ReferenceCatalog
{
    public const string Electronics = "ELECTRONICS";
    public const string Automotive = "AUTOMOTIVE";
    public const string Health = "HEALTH";
    public const string Household = "HOUSEHOLD";
    public const string Toys = "TOYS";

    private const string Textile = ClusterCodes.Textile;
    private const string Food = ClusterCodes.FoodBeverage;
    private const string Craft = ClusterCodes.Handicraft;

    public static IReadOnlyList<ClusterSeed> Clusters { get; } =
    [
        new(Textile, "Tekstil & Fesyen", "Textiles & Fashion", true),
        new(Food, "Makanan & Minuman", "Food & Beverage", true),
        new(Craft, "Kerajinan", "Handicrafts", true),
        new(Electronics, "Elektronik", "Electronics", false),
        new(Automotive, "Otomotif", "Automotive", false),
        new(Health, "Kesehatan & Kecantikan", "Health & Beauty", false),
        new(Household, "Rumah Tangga", "Household", false),
        new(Toys, "Mainan & Hobi", "Toys & Hobbies", false),
    ];

    public static IReadOnlyList<CategorySeed> Categories { get; } =
    [
        Branch("fesyen-tekstil", "Fesyen & Tekstil", "Fashion & Textiles"),
        Branch("makanan-minuman", "Makanan & Minuman", "Food & Beverages"),
        Branch("kerajinan", "Kerajinan Tangan", "Handicrafts"),
        Branch("elektronik", "Elektronik", "Electronics"),
        Branch("otomotif", "Otomotif", "Automotive"),
        Branch("kesehatan-kecantikan", "Kesehatan & Kecantikan", "Health & Beauty"),
        Branch("rumah-tangga", "Rumah Tangga", "Home & Living"),
        Branch("mainan-hobi", "Mainan & Hobi", "Toys & Hobbies"),

        Branch("kain-tradisional", "Kain Tradisional", "Traditional Fabrics", "fesyen-tekstil"),
        Branch("kain-bahan", "Kain & Bahan", "Fabrics & Materials", "fesyen-tekstil"),
        Branch("pakaian-wanita", "Pakaian Wanita", "Women's Clothing", "fesyen-tekstil"),
        Branch("pakaian-pria", "Pakaian Pria", "Men's Clothing", "fesyen-tekstil"),
        Branch("pakaian-anak-bayi", "Pakaian Anak & Bayi", "Kids' & Baby Clothing", "fesyen-tekstil"),
        Branch("busana-muslim", "Busana Muslim", "Muslim Wear", "fesyen-tekstil"),
        Branch("sepatu-sandal", "Sepatu & Sandal", "Shoes & Sandals", "fesyen-tekstil"),
        Branch("tutup-kepala", "Tutup Kepala", "Headwear", "fesyen-tekstil"),
        Branch("aksesori-fesyen", "Aksesori Fesyen", "Fashion Accessories", "fesyen-tekstil"),
        Branch("tekstil-rumah", "Tekstil Rumah", "Home Textiles", "fesyen-tekstil"),

        Branch("kopi-teh", "Kopi, Teh & Kakao", "Coffee, Tea & Cocoa", "makanan-minuman"),
        Branch("camilan", "Camilan", "Snacks", "makanan-minuman"),
        Branch("kue-manisan", "Kue & Manisan", "Cakes & Sweets", "makanan-minuman"),
        Branch("bumbu-rempah", "Bumbu & Rempah", "Seasonings & Spices", "makanan-minuman"),
        Branch("lauk-olahan", "Lauk & Makanan Olahan", "Ready Dishes & Preserved Food", "makanan-minuman"),
        Branch("bahan-segar", "Bahan Segar", "Fresh Produce", "makanan-minuman"),
        Branch("bahan-pokok", "Bahan Pokok", "Staples", "makanan-minuman"),
        Branch("minuman", "Minuman", "Drinks", "makanan-minuman"),

        Branch("anyaman", "Anyaman", "Basketry & Weaving", "kerajinan"),
        Branch("kerajinan-kayu", "Kerajinan Kayu", "Woodcraft", "kerajinan"),
        Branch("keramik-gerabah", "Keramik & Gerabah", "Ceramics & Pottery", "kerajinan"),
        Branch("kerajinan-kaca", "Kaca & Manik", "Glass & Beads", "kerajinan"),
        Branch("perhiasan-logam", "Perhiasan & Logam", "Jewellery & Metalwork", "kerajinan"),
        Branch("seni-budaya", "Seni & Budaya", "Art & Culture", "kerajinan"),
        Branch("kriya-lainnya", "Kriya Lainnya", "Other Crafts", "kerajinan"),

        Branch("ponsel-tablet", "Ponsel & Tablet", "Phones & Tablets", "elektronik"),
        Branch("komputer", "Komputer & Laptop", "Computers & Laptops", "elektronik"),
        Branch("aksesori-elektronik", "Aksesori Gawai", "Gadget Accessories", "elektronik"),
        Branch("audio-video", "Audio & Video", "Audio & Video", "elektronik"),
        Branch("elektronik-rumah", "Elektronik Rumah Tangga", "Home Appliances", "elektronik"),

        Branch("otomotif-mobil", "Mobil", "Car", "otomotif"),
        Branch("otomotif-motor", "Sepeda Motor", "Motorcycle", "otomotif"),

        Branch("kesehatan", "Kesehatan", "Health", "kesehatan-kecantikan"),
        Branch("kecantikan", "Kecantikan", "Beauty", "kesehatan-kecantikan"),

        Branch("dapur", "Dapur", "Kitchen", "rumah-tangga"),
        Branch("penyimpanan-perabot", "Penyimpanan & Perabot", "Storage & Furniture", "rumah-tangga"),
        Branch("kebersihan", "Kebersihan", "Cleaning", "rumah-tangga"),

        Leaf("batik-tulis", "Batik Tulis", "Hand-drawn Batik", "kain-tradisional", Textile, [52, 62], 250_000, 3_500_000, "Kain Batik Tulis", "Kemeja Batik Tulis", "Selendang Batik Tulis", "Kain Panjang Batik Tulis", "Dress Batik Tulis"),
        Leaf("batik-cap", "Batik Cap", "Stamped Batik", "kain-tradisional", Textile, [52, 62], 85_000, 750_000, "Kain Batik Cap", "Kemeja Batik Cap", "Sarimbit Batik Cap", "Kain Jarik Batik Cap", "Blus Batik Cap"),
        Leaf("batik-printing", "Batik Printing", "Printed Batik-motif Fabric", "kain-tradisional", Textile, [52, 54, 62], 35_000, 275_000, "Kain Batik Printing", "Kemeja Batik Printing", "Daster Batik", "Kain Motif Batik Printing"),
        Leaf("batik-sutra", "Batik Sutra", "Silk Batik", "kain-tradisional", Textile, [50, 62], 450_000, 5_000_000, "Kain Batik Sutra", "Selendang Batik Sutra", "Scarf Batik Sutra", "Kemeja Batik Sutra"),
        Leaf("kain-lurik", "Kain Lurik", "Lurik Striped Cloth", "kain-tradisional", Textile, [52], 45_000, 450_000, "Kain Lurik", "Kemeja Lurik", "Selendang Lurik", "Kain Lurik Meteran"),
        Leaf("songket", "Songket", "Songket Brocade", "kain-tradisional", Textile, [50, 52], 400_000, 8_000_000, "Kain Songket", "Selendang Songket", "Songket Palembang", "Songket Pandai Sikek", "Kain Songket Lepus"),
        Leaf("tenun-ikat", "Tenun Ikat", "Ikat Weaving", "kain-tradisional", Textile, [52], 150_000, 4_500_000, "Kain Tenun Ikat", "Selendang Tenun Ikat", "Syal Tenun Ikat", "Sarung Tenun Ikat", "Kain Tenun Ikat Flores"),
        Leaf("tenun-sumba", "Tenun Sumba", "Sumba Weaving", "kain-tradisional", Textile, [52], 500_000, 9_000_000, "Kain Tenun Sumba", "Kain Hinggi Sumba", "Kain Lau Pahikung", "Selendang Tenun Sumba"),
        Leaf("ulos", "Ulos", "Ulos Cloth", "kain-tradisional", Textile, [52, 63], 150_000, 2_500_000, "Kain Ulos", "Ulos Ragi Hotang", "Ulos Sadum", "Selendang Ulos", "Ulos Mangiring"),
        Leaf("kain-endek", "Kain Endek", "Endek Cloth", "kain-tradisional", Textile, [52], 120_000, 1_200_000, "Kain Endek Bali", "Kemeja Endek", "Selendang Endek", "Kamen Endek"),
        Leaf("kain-sasirangan", "Kain Sasirangan", "Sasirangan Cloth", "kain-tradisional", Textile, [52], 90_000, 650_000, "Kain Sasirangan", "Kemeja Sasirangan", "Selendang Sasirangan", "Jilbab Sasirangan"),
        Leaf("kain-jumputan", "Kain Jumputan", "Jumputan Tie-dye", "kain-tradisional", Textile, [52], 80_000, 650_000, "Kain Jumputan", "Kain Jumputan Palembang", "Selendang Jumputan", "Daster Jumputan"),
        Leaf("kain-tapis", "Kain Tapis", "Tapis Cloth", "kain-tradisional", Textile, [52, 58], 350_000, 5_000_000, "Kain Tapis Lampung", "Selendang Tapis", "Tapis Benang Emas", "Hiasan Dinding Tapis"),
        Leaf("kain-sutra", "Kain Sutra", "Silk Cloth", "kain-tradisional", Textile, [50], 250_000, 2_500_000, "Kain Sutra Garut", "Kain Sutra Sengkang", "Sarung Sutra Bugis", "Selendang Sutra"),

        Leaf("kain-katun", "Kain Katun Meteran", "Cotton Fabric by the Metre", "kain-bahan", Textile, [52], 18_000, 95_000, "Kain Katun Jepang", "Kain Katun Rayon", "Kain Linen", "Kain Katun Toyobo"),
        Leaf("kain-sintetis", "Kain Sintetis", "Synthetic Fabric", "kain-bahan", Textile, [54, 55], 15_000, 85_000, "Kain Polyester", "Kain Scuba", "Kain Satin", "Kain Sifon"),
        Leaf("kain-rajut", "Kain Rajut", "Knitted Fabric", "kain-bahan", Textile, [60], 45_000, 140_000, "Kain Cotton Combed", "Kain Lacoste", "Kain Fleece", "Kain Babyterry"),
        Leaf("kain-flanel", "Kain Flanel & Dakron", "Felt & Wadding", "kain-bahan", Textile, [56], 5_000, 45_000, "Kain Flanel", "Kain Dakron", "Kain Felt Warna", "Dakron Isi Bantal"),
        Leaf("kain-goni", "Kain Goni & Rami", "Jute & Ramie Cloth", "kain-bahan", Textile, [53, 63], 12_000, 150_000, "Karung Goni", "Kain Goni Meteran", "Kain Rami", "Tas Goni"),
        Leaf("benang-rajut", "Benang Rajut", "Knitting Yarn", "kain-bahan", Textile, [52, 55], 12_000, 85_000, "Benang Rajut Katun", "Benang Rajut Akrilik", "Benang Milk Cotton", "Benang Wol"),
        Leaf("bordir", "Bordir", "Embroidery", "kain-bahan", Textile, [58], 45_000, 650_000, "Kain Bordir Tasik", "Kerudung Bordir", "Taplak Bordir", "Kebaya Bordir"),
        Leaf("renda-pita", "Renda & Pita", "Lace & Ribbon", "kain-bahan", Textile, [58], 5_000, 60_000, "Renda Brokat", "Pita Grosgrain", "Renda Katun", "Pita Satin"),

        Leaf("kebaya", "Kebaya", "Kebaya", "pakaian-wanita", Textile, [62], 150_000, 2_500_000, "Kebaya Kutubaru", "Kebaya Encim", "Kebaya Brokat", "Kebaya Modern", "Setelan Kebaya Wisuda"),
        Leaf("dress-wanita", "Dress Wanita", "Women's Dresses", "pakaian-wanita", Textile, [62], 95_000, 650_000, "Dress Midi", "Dress Batik Kombinasi", "Dress Rayon Motif", "Dress Tenun Modern", "Maxi Dress"),
        Leaf("blus-wanita", "Blus Wanita", "Women's Blouses", "pakaian-wanita", Textile, [62], 65_000, 350_000, "Blus Katun", "Blus Batik", "Tunik Wanita", "Atasan Brokat"),
        Leaf("rok-wanita", "Rok", "Skirts", "pakaian-wanita", Textile, [62], 60_000, 300_000, "Rok Plisket", "Rok Lilit Batik", "Rok Span", "Rok Tenun"),
        Leaf("celana-wanita", "Celana Wanita", "Women's Trousers", "pakaian-wanita", Textile, [62], 70_000, 320_000, "Celana Kulot", "Celana Palazzo", "Celana Jeans Wanita", "Celana Bahan Wanita"),
        Leaf("pakaian-rajut", "Pakaian Rajut", "Knitwear", "pakaian-wanita", Textile, [61], 85_000, 450_000, "Sweater Rajut", "Cardigan Rajut", "Rompi Rajut", "Syal Rajut"),

        Leaf("kemeja-batik-pria", "Kemeja Batik Pria", "Men's Batik Shirts", "pakaian-pria", Textile, [62], 120_000, 1_200_000, "Kemeja Batik Pria", "Kemeja Batik Lengan Panjang", "Kemeja Batik Slim Fit", "Kemeja Batik Kombinasi"),
        Leaf("baju-koko", "Baju Koko", "Koko Shirts", "pakaian-pria", Textile, [62], 85_000, 450_000, "Baju Koko", "Koko Kurta", "Baju Koko Bordir", "Setelan Koko Anak"),
        Leaf("kaos", "Kaos", "T-shirts", "pakaian-pria", Textile, [61], 45_000, 180_000, "Kaos Sablon", "Kaos Polos", "Kaos Polo", "Kaos Distro"),
        Leaf("jaket", "Jaket", "Jackets", "pakaian-pria", Textile, [62], 150_000, 750_000, "Jaket Denim", "Jaket Bomber", "Jaket Parka", "Jaket Jeans", "Hoodie"),
        Leaf("celana-pria", "Celana Pria", "Men's Trousers", "pakaian-pria", Textile, [62], 90_000, 400_000, "Celana Chino", "Celana Bahan Pria", "Celana Jeans Pria", "Celana Cargo"),
        Leaf("pakaian-dalam", "Pakaian Dalam", "Underwear", "pakaian-pria", Textile, [61, 62], 25_000, 150_000, "Celana Dalam Pria", "Kaos Dalam", "Bra Tanpa Kawat", "Singlet Katun"),

        Leaf("pakaian-anak", "Pakaian Anak", "Children's Clothing", "pakaian-anak-bayi", Textile, [61, 62], 45_000, 250_000, "Setelan Anak", "Kaos Anak", "Dress Anak", "Celana Anak", "Baju Batik Anak"),
        Leaf("pakaian-bayi", "Pakaian Bayi", "Baby Clothing", "pakaian-anak-bayi", Textile, [61], 25_000, 200_000, "Jumper Bayi", "Setelan Bayi", "Bedong Bayi", "Kaos Bayi"),

        Leaf("mukena", "Mukena", "Prayer Robes", "busana-muslim", Textile, [62, 63], 120_000, 950_000, "Mukena Katun Jepang", "Mukena Bali", "Mukena Traveling", "Mukena Anak", "Mukena Renda"),
        Leaf("hijab", "Hijab", "Hijab", "busana-muslim", Textile, [61, 62], 25_000, 250_000, "Hijab Segi Empat", "Pashmina Ceruti", "Hijab Instan", "Bergo Jersey", "Kerudung Voal"),
        Leaf("gamis", "Gamis", "Long Dresses", "busana-muslim", Textile, [62], 150_000, 950_000, "Gamis Syar'i", "Gamis Katun", "Gamis Batik", "Abaya", "Setelan Gamis"),
        Leaf("sarung", "Sarung", "Sarongs", "busana-muslim", Textile, [52, 62], 60_000, 1_500_000, "Sarung Tenun Samarinda", "Sarung Goyor", "Sarung Tenun Donggala", "Sarung Batik", "Sarung Tenun Mesin"),
        Leaf("sajadah", "Sajadah", "Prayer Mats", "busana-muslim", Textile, [57], 45_000, 450_000, "Sajadah Tebal", "Sajadah Travel", "Sajadah Bordir", "Sajadah Anak"),

        Leaf("sepatu-kulit", "Sepatu Kulit", "Leather Shoes", "sepatu-sandal", Textile, [64], 250_000, 1_800_000, "Sepatu Pantofel Kulit", "Sepatu Boots Kulit", "Sepatu Kulit Casual", "Sepatu Loafer Kulit"),
        Leaf("sneakers", "Sneakers", "Sneakers", "sepatu-sandal", Textile, [64], 180_000, 950_000, "Sepatu Sneakers", "Sepatu Kanvas", "Sepatu Slip On", "Sepatu Lari"),
        Leaf("sandal", "Sandal", "Sandals", "sepatu-sandal", Textile, [64], 25_000, 350_000, "Sandal Kulit", "Sandal Jepit", "Sandal Slop", "Sandal Gunung"),
        Leaf("selop-bordir", "Selop Bordir", "Embroidered Slippers", "sepatu-sandal", Textile, [64], 45_000, 250_000, "Selop Bordir Tasik", "Sandal Selop", "Selop Pengantin"),
        Leaf("sepatu-anak", "Sepatu Anak", "Children's Shoes", "sepatu-sandal", Textile, [64], 75_000, 350_000, "Sepatu Anak", "Sepatu Sekolah", "Sandal Anak", "Sepatu Bayi"),

        Leaf("peci-songkok", "Peci & Songkok", "Peci & Songkok Caps", "tutup-kepala", Textile, [65], 25_000, 250_000, "Peci Hitam Polos", "Songkok Beludru", "Kopiah Rajut", "Peci Nasional"),
        Leaf("blangkon", "Blangkon & Udeng", "Blangkon & Udeng", "tutup-kepala", Textile, [65], 45_000, 250_000, "Blangkon Jogja", "Blangkon Solo", "Udeng Bali", "Iket Sunda"),
        Leaf("topi", "Topi", "Hats & Caps", "tutup-kepala", Textile, [65], 35_000, 180_000, "Topi Baseball", "Topi Bucket", "Topi Rajut", "Topi Pet"),

        Leaf("selendang-syal", "Selendang & Syal", "Shawls & Scarves", "aksesori-fesyen", Textile, [62], 35_000, 450_000, "Selendang Tari", "Syal Batik", "Scarf Motif", "Selendang Kebaya"),
        Leaf("kaos-kaki", "Kaos Kaki", "Socks", "aksesori-fesyen", Textile, [61], 10_000, 60_000, "Kaos Kaki Katun", "Kaos Kaki Sekolah", "Kaos Kaki Muslimah", "Manset Tangan"),
        Leaf("dasi-sapu-tangan", "Dasi & Sapu Tangan", "Ties & Handkerchiefs", "aksesori-fesyen", Textile, [62], 15_000, 150_000, "Dasi Batik", "Sapu Tangan Katun", "Dasi Tenun"),

        Leaf("sprei-bed-cover", "Sprei & Bed Cover", "Bed Sheets & Covers", "tekstil-rumah", Textile, [63], 120_000, 850_000, "Sprei Katun", "Bed Cover Set", "Sprei Batik", "Selimut Tebal"),
        Leaf("handuk", "Handuk", "Towels", "tekstil-rumah", Textile, [63], 25_000, 180_000, "Handuk Mandi", "Handuk Kecil", "Kimono Handuk", "Handuk Bayi"),
        Leaf("gorden", "Gorden", "Curtains", "tekstil-rumah", Textile, [63], 85_000, 650_000, "Gorden Jendela", "Gorden Blackout", "Vitrase", "Gorden Pintu"),
        Leaf("taplak-meja", "Taplak Meja", "Tablecloths", "tekstil-rumah", Textile, [63], 35_000, 250_000, "Taplak Meja Batik", "Taplak Meja Renda", "Taplak Meja Makan", "Runner Meja Tenun"),
        Leaf("karpet-permadani", "Karpet & Permadani", "Carpets & Rugs", "tekstil-rumah", Textile, [57], 150_000, 3_500_000, "Karpet Tenun", "Permadani", "Karpet Bulu", "Keset Kaki"),
        Leaf("sarung-bantal", "Sarung Bantal & Kursi", "Cushion Covers", "tekstil-rumah", Textile, [63], 15_000, 150_000, "Sarung Bantal Sofa", "Sarung Bantal Batik", "Sarung Guling", "Sarung Kursi"),

        Leaf("kopi-bubuk", "Kopi Bubuk", "Ground Coffee", "kopi-teh", Food, [9], 25_000, 250_000, "Kopi Bubuk Arabika", "Kopi Bubuk Robusta", "Kopi Tubruk", "Kopi Bubuk Liberika"),
        Leaf("kopi-biji", "Kopi Biji", "Coffee Beans", "kopi-teh", Food, [9], 45_000, 450_000, "Kopi Biji Arabika Sangrai", "Kopi Biji Robusta", "Green Bean Arabika", "Kopi Biji Peaberry"),
        Leaf("kopi-luwak", "Kopi Luwak", "Civet Coffee", "kopi-teh", Food, [9], 150_000, 1_500_000, "Kopi Luwak Liar", "Kopi Luwak Bubuk", "Kopi Luwak Biji"),
        Leaf("kopi-siap-minum", "Kopi Siap Minum", "Ready-to-drink Coffee", "kopi-teh", Food, [21, 22], 15_000, 120_000, "Kopi Susu Gula Aren", "Kopi Sachet", "Kopi Cold Brew", "Kopi Rempah Instan"),
        Leaf("teh", "Teh", "Tea", "kopi-teh", Food, [9], 12_000, 180_000, "Teh Hitam", "Teh Hijau", "Teh Melati", "Teh Tubruk", "Teh Putih"),
        Leaf("teh-herbal", "Teh Herbal", "Herbal Tea", "kopi-teh", Food, [12, 21], 20_000, 120_000, "Teh Rosella", "Teh Daun Kelor", "Teh Serai", "Teh Bunga Telang"),
        Leaf("cokelat-kakao", "Cokelat & Kakao", "Chocolate & Cocoa", "kopi-teh", Food, [18], 20_000, 250_000, "Bubuk Kakao", "Cokelat Batangan", "Cokelat Praline", "Biji Kakao Fermentasi"),

        Leaf("keripik", "Keripik", "Chips", "camilan", Food, [19, 20], 8_000, 45_000, "Keripik Singkong", "Keripik Tempe", "Keripik Pisang", "Keripik Kentang", "Keripik Talas", "Keripik Sanjai"),
        Leaf("kerupuk", "Kerupuk", "Crackers", "camilan", Food, [3, 19], 10_000, 75_000, "Kerupuk Udang", "Kerupuk Ikan Tenggiri", "Kerupuk Kulit Sapi", "Kerupuk Bawang", "Kerupuk Kemplang"),
        Leaf("rempeyek", "Rempeyek", "Peanut Crackers", "camilan", Food, [19, 20], 10_000, 60_000, "Rempeyek Kacang", "Rempeyek Teri", "Rempeyek Kedelai"),
        Leaf("kacang", "Kacang & Biji", "Nuts & Seeds", "camilan", Food, [20], 12_000, 150_000, "Kacang Mete Goreng", "Kacang Bawang", "Kacang Atom", "Kacang Koro"),
        Leaf("rengginang-opak", "Rengginang & Opak", "Rice & Cassava Crackers", "camilan", Food, [19], 12_000, 55_000, "Rengginang Terasi", "Opak Singkong", "Rengginang Ketan", "Emping Melinjo"),

        Leaf("kue-kering", "Kue Kering", "Cookies", "kue-manisan", Food, [19], 35_000, 250_000, "Nastar Nanas", "Kastengel Keju", "Putri Salju", "Kue Kering Lidah Kucing"),
        Leaf("dodol-jenang", "Dodol & Jenang", "Dodol & Jenang", "kue-manisan", Food, [17, 20], 15_000, 95_000, "Dodol Garut", "Jenang Kudus", "Dodol Durian", "Wajik Ketan"),
        Leaf("bakpia", "Bakpia", "Bakpia Pastries", "kue-manisan", Food, [19], 25_000, 80_000, "Bakpia Pathok Kacang Hijau", "Bakpia Keju", "Bakpia Kumbu Hitam", "Bakpia Basah"),
        Leaf("manisan-buah", "Manisan Buah", "Candied Fruit", "kue-manisan", Food, [20], 15_000, 80_000, "Manisan Mangga", "Manisan Pala", "Manisan Salak", "Manisan Kolang-kaling"),
        Leaf("permen-tradisional", "Permen & Gula-gula", "Traditional Sweets", "kue-manisan", Food, [17], 8_000, 45_000, "Permen Jahe", "Gula Kacang", "Permen Susu", "Ting-ting Jahe"),

        Leaf("sambal", "Sambal", "Chili Sauces", "bumbu-rempah", Food, [21], 15_000, 85_000, "Sambal Bawang", "Sambal Roa", "Sambal Cumi", "Sambal Matah", "Sambal Teri"),
        Leaf("rempah", "Rempah Kering", "Dried Spices", "bumbu-rempah", Food, [9], 15_000, 250_000, "Lada Hitam", "Cengkeh Kering", "Biji Pala", "Kayu Manis", "Kapulaga"),
        Leaf("bumbu-instan", "Bumbu Instan", "Instant Seasonings", "bumbu-rempah", Food, [21], 8_000, 45_000, "Bumbu Rendang", "Bumbu Rawon", "Bumbu Pecel", "Bumbu Soto", "Bumbu Nasi Goreng"),
        Leaf("kecap-saus", "Kecap & Saus", "Soy & Table Sauces", "bumbu-rempah", Food, [21], 10_000, 60_000, "Kecap Manis", "Kecap Asin", "Saus Sambal", "Saus Tiram"),
        Leaf("terasi-petis", "Terasi & Petis", "Shrimp Paste", "bumbu-rempah", Food, [3, 21], 8_000, 60_000, "Terasi Udang", "Petis Ikan", "Terasi Bangka", "Petis Udang"),
        Leaf("gula-aren", "Gula Aren", "Palm Sugar", "bumbu-rempah", Food, [17], 15_000, 120_000, "Gula Aren Cetak", "Gula Semut Aren", "Gula Kelapa", "Gula Aren Cair"),
        Leaf("minyak-kelapa", "Minyak Kelapa", "Coconut Oil", "bumbu-rempah", Food, [15], 25_000, 180_000, "Minyak Kelapa Murni", "Virgin Coconut Oil", "Minyak Kelapa Tradisional", "Minyak Kelentik"),

        Leaf("abon", "Abon", "Meat Floss", "lauk-olahan", Food, [16], 25_000, 150_000, "Abon Sapi", "Abon Ikan Tuna", "Abon Ayam", "Abon Cakalang"),
        Leaf("rendang-kemasan", "Rendang Kemasan", "Packaged Rendang", "lauk-olahan", Food, [16], 55_000, 350_000, "Rendang Daging Sapi", "Rendang Paru", "Rendang Telur", "Rendang Jengkol"),
        Leaf("dendeng", "Dendeng", "Cured Meat", "lauk-olahan", Food, [2, 16], 45_000, 250_000, "Dendeng Balado", "Dendeng Sapi Manis", "Dendeng Batokok", "Dendeng Ayam"),
        Leaf("ikan-asin", "Ikan Asin", "Salted Fish", "lauk-olahan", Food, [3], 25_000, 250_000, "Ikan Asin Jambal Roti", "Ikan Teri Medan", "Cumi Asin", "Ikan Asin Peda"),
        Leaf("pempek", "Pempek", "Pempek Fishcakes", "lauk-olahan", Food, [16], 35_000, 250_000, "Pempek Kapal Selam", "Pempek Lenjer", "Pempek Adaan", "Paket Pempek Campur"),
        Leaf("makanan-beku", "Makanan Beku", "Frozen Food", "lauk-olahan", Food, [16], 25_000, 150_000, "Nugget Ayam", "Otak-otak Ikan", "Dimsum Ayam", "Bakso Sapi", "Sosis Sapi"),

        Leaf("daging-unggas", "Daging & Unggas", "Meat & Poultry", "bahan-segar", Food, [2], 45_000, 350_000, "Daging Sapi Segar", "Ayam Kampung Utuh", "Daging Kambing", "Iga Sapi"),
        Leaf("ikan-seafood", "Ikan & Seafood", "Fish & Seafood", "bahan-segar", Food, [3], 35_000, 300_000, "Udang Vaname Beku", "Ikan Bandeng Presto", "Cumi Segar", "Paket Seafood Beku"),
        Leaf("buah-sayur", "Buah & Sayur", "Fruit & Vegetables", "bahan-segar", Food, [7, 8], 8_000, 150_000, "Mangga Harum Manis", "Salak Pondoh", "Jeruk Pontianak", "Sayur Organik"),
        Leaf("telur-susu", "Telur & Susu", "Eggs & Dairy", "bahan-segar", Food, [4], 25_000, 150_000, "Telur Asin Brebes", "Susu Kambing Etawa", "Dadih Kerbau", "Keju Lokal"),
        Leaf("madu", "Madu", "Honey", "bahan-segar", Food, [4], 45_000, 450_000, "Madu Hutan", "Madu Klanceng", "Madu Randu", "Madu Kelengkeng"),

        Leaf("beras", "Beras", "Rice", "bahan-pokok", Food, [10], 55_000, 350_000, "Beras Pandan Wangi", "Beras Merah", "Beras Hitam", "Beras Organik"),
        Leaf("tepung", "Tepung", "Flour", "bahan-pokok", Food, [11], 10_000, 75_000, "Tepung Tapioka", "Tepung Mocaf", "Tepung Sagu", "Tepung Beras"),
        Leaf("mie-kering", "Mie & Bihun", "Noodles", "bahan-pokok", Food, [19], 12_000, 60_000, "Mie Lethek", "Mie Sagu", "Bihun Jagung", "Mie Kering Telur"),

        Leaf("jamu", "Jamu", "Herbal Tonics", "minuman", Food, [21, 22], 15_000, 120_000, "Jamu Kunyit Asam", "Jamu Beras Kencur", "Jamu Temulawak Serbuk", "Jamu Sirih"),
        Leaf("sirup-minuman", "Sirup & Minuman Tradisional", "Syrups & Traditional Drinks", "minuman", Food, [21, 22], 15_000, 95_000, "Sirup Markisa", "Sirup Kawista", "Bandrek Instan", "Wedang Uwuh", "Bajigur Instan"),

        Leaf("anyaman-rotan", "Anyaman Rotan", "Rattan Weaving", "anyaman", Craft, [46], 35_000, 750_000, "Keranjang Rotan", "Tas Rotan Bulat", "Tempat Tisu Rotan", "Nampan Rotan", "Kap Lampu Rotan"),
        Leaf("anyaman-bambu", "Anyaman Bambu", "Bamboo Weaving", "anyaman", Craft, [46], 8_000, 250_000, "Besek Bambu", "Tampah Bambu", "Keranjang Bambu", "Kukusan Bambu", "Tudung Saji Bambu"),
        Leaf("anyaman-pandan", "Anyaman Pandan & Mendong", "Pandan & Mendong Weaving", "anyaman", Craft, [46], 25_000, 350_000, "Tikar Pandan", "Tas Anyaman Pandan", "Dompet Anyaman Pandan", "Tikar Mendong"),
        Leaf("anyaman-eceng-gondok", "Anyaman Eceng Gondok", "Water Hyacinth Weaving", "anyaman", Craft, [46], 45_000, 550_000, "Keranjang Eceng Gondok", "Box Eceng Gondok", "Tas Eceng Gondok", "Alas Piring Eceng Gondok"),
        Leaf("anyaman-lidi", "Anyaman Lidi", "Palm-rib Weaving", "anyaman", Craft, [46], 10_000, 120_000, "Piring Anyaman Lidi", "Keranjang Anyaman Lidi", "Tempat Buah Anyaman Lidi"),
        Leaf("noken", "Noken", "Noken String Bags", "anyaman", Craft, [46, 56], 75_000, 950_000, "Noken Papua", "Noken Anggrek", "Noken Kulit Kayu", "Tas Noken"),
        Leaf("furnitur-rotan", "Furnitur Rotan", "Rattan Furniture", "anyaman", Craft, [46, 94], 450_000, 6_500_000, "Kursi Rotan", "Meja Rotan", "Ayunan Rotan", "Sofa Rotan", "Rak Rotan"),

        Leaf("ukiran-kayu", "Ukiran Kayu", "Wood Carving", "kerajinan-kayu", Craft, [44], 150_000, 8_500_000, "Ukiran Kayu Jepara", "Panel Ukir Jati", "Relief Kayu Ukir", "Hiasan Dinding Ukir"),
        Leaf("patung-kayu", "Patung Kayu", "Wooden Sculptures", "kerajinan-kayu", Craft, [44, 97], 150_000, 6_000_000, "Patung Kayu Bali", "Patung Asmat", "Patung Loro Blonyo", "Patung Garuda Kayu"),
        Leaf("mebel-ukir", "Mebel Ukir", "Carved Furniture", "kerajinan-kayu", Craft, [44, 94], 1_500_000, 25_000_000, "Kursi Ukir Jepara", "Lemari Ukir", "Meja Makan Ukir", "Gebyok Ukir"),
        Leaf("hiasan-kayu", "Hiasan & Miniatur Kayu", "Wooden Ornaments & Models", "kerajinan-kayu", Craft, [44], 35_000, 950_000, "Miniatur Kapal Pinisi", "Kotak Perhiasan Kayu", "Hiasan Dinding Kayu Jati", "Miniatur Rumah Adat"),
        Leaf("peralatan-dapur-kayu", "Peralatan Dapur Kayu", "Wooden Kitchenware", "kerajinan-kayu", Craft, [44], 15_000, 250_000, "Talenan Kayu Jati", "Sendok Kayu", "Mangkok Kayu", "Centong Kayu"),

        Leaf("gerabah", "Gerabah", "Earthenware", "keramik-gerabah", Craft, [69], 15_000, 650_000, "Gerabah Kasongan", "Pot Tanah Liat", "Kendi Gerabah", "Cobek Tanah Liat", "Celengan Gerabah"),
        Leaf("keramik", "Keramik Hias", "Decorative Ceramics", "keramik-gerabah", Craft, [69], 25_000, 850_000, "Vas Keramik", "Piring Keramik Handmade", "Mug Keramik", "Keramik Plered"),
        Leaf("guci-porselen", "Guci & Porselen", "Jars & Porcelain", "keramik-gerabah", Craft, [69], 150_000, 3_500_000, "Guci Dinoyo", "Guci Keramik", "Vas Porselen", "Tempayan Keramik"),

        Leaf("lukisan-kaca", "Lukisan Kaca", "Glass Paintings", "kerajinan-kaca", Craft, [70, 97], 150_000, 2_500_000, "Lukisan Kaca Cirebon", "Lukisan Kaca Wayang", "Lukisan Kaca Kaligrafi"),
        Leaf("kaca-hias", "Kaca Hias", "Decorative Glass", "kerajinan-kaca", Craft, [70], 25_000, 650_000, "Vas Kaca Tiup", "Botol Kaca Hias", "Terrarium Kaca", "Lampu Kaca Mozaik"),
        Leaf("manik-manik", "Manik-manik", "Beadwork", "kerajinan-kaca", Craft, [70, 71], 15_000, 350_000, "Gelang Manik Dayak", "Kalung Manik-manik", "Manik Kaca Jombang", "Tas Manik"),

        Leaf("perak-kotagede", "Perak Kotagede", "Kotagede Silverwork", "perhiasan-logam", Craft, [71], 85_000, 4_500_000, "Cincin Perak Kotagede", "Bros Perak Filigri", "Miniatur Becak Perak", "Kalung Perak"),
        Leaf("perak-celuk", "Perak Celuk", "Celuk Silverwork", "perhiasan-logam", Craft, [71], 75_000, 3_500_000, "Cincin Perak Celuk", "Anting Perak Bali", "Gelang Perak Ukir", "Liontin Perak"),
        Leaf("perhiasan-mutiara", "Perhiasan Mutiara", "Pearl Jewellery", "perhiasan-logam", Craft, [71], 85_000, 5_000_000, "Kalung Mutiara Lombok", "Anting Mutiara", "Gelang Mutiara Air Tawar", "Bros Mutiara"),
        Leaf("kuningan-tembaga", "Kuningan & Tembaga", "Brass & Copper Craft", "perhiasan-logam", Craft, [74, 83], 45_000, 2_500_000, "Lampu Gantung Tembaga", "Vas Kuningan", "Gong Kecil Kuningan", "Wastafel Tembaga Tumang"),
        Leaf("keris", "Keris & Tosan Aji", "Kris & Heirloom Blades", "perhiasan-logam", Craft, [93, 97], 350_000, 25_000_000, "Keris Pusaka", "Keris Luk Tujuh", "Warangka Keris", "Tombak Pusaka"),

        Leaf("wayang-kulit", "Wayang Kulit", "Leather Shadow Puppets", "seni-budaya", Craft, [97], 150_000, 5_000_000, "Wayang Kulit Arjuna", "Wayang Kulit Gunungan", "Wayang Kulit Semar", "Wayang Kulit Mini"),
        Leaf("wayang-golek", "Wayang Golek", "Wooden Rod Puppets", "seni-budaya", Craft, [44, 97], 150_000, 3_500_000, "Wayang Golek Cepot", "Wayang Golek Arjuna", "Wayang Golek Mini"),
        Leaf("topeng", "Topeng", "Masks", "seni-budaya", Craft, [44, 97], 75_000, 1_500_000, "Topeng Malangan", "Topeng Cirebon", "Topeng Bali", "Topeng Panji"),
        Leaf("lukisan", "Lukisan", "Paintings", "seni-budaya", Craft, [97], 250_000, 15_000_000, "Lukisan Kanvas", "Lukisan Cat Minyak", "Lukisan Gaya Ubud", "Lukisan Cat Akrilik"),
        Leaf("kaligrafi", "Kaligrafi", "Calligraphy Art", "seni-budaya", Craft, [44, 97], 150_000, 3_500_000, "Kaligrafi Ukir Kayu", "Kaligrafi Kuningan", "Kaligrafi Kanvas"),
        Leaf("alat-musik-tradisional", "Alat Musik Tradisional", "Traditional Instruments", "seni-budaya", Craft, [92], 75_000, 12_000_000, "Angklung", "Kendang", "Sasando", "Gamelan Mini", "Kolintang", "Suling Bambu"),

        Leaf("kerajinan-kulit", "Kerajinan Kulit", "Leathercraft", "kriya-lainnya", Craft, [42], 85_000, 1_500_000, "Tas Kulit Garut", "Dompet Kulit", "Ikat Pinggang Kulit", "Gantungan Kunci Kulit"),
        Leaf("kerajinan-batu", "Kerajinan Batu", "Stone Craft", "kriya-lainnya", Craft, [68], 35_000, 3_500_000, "Patung Batu Paras", "Cobek Batu", "Lampion Batu", "Air Mancur Batu"),
        Leaf("kerajinan-kerang", "Kerajinan Kerang", "Shell Craft", "kriya-lainnya", Craft, [96], 15_000, 450_000, "Hiasan Kerang", "Lampu Kerang", "Tirai Kerang", "Bingkai Foto Kerang"),

        Leaf("smartphone", "Smartphone", "Smartphones", "ponsel-tablet", Electronics, [85], 1_200_000, 12_000_000, "Smartphone Android", "HP Android", "Smartphone 5G", "HP Gaming"),
        Leaf("tablet", "Tablet", "Tablets", "ponsel-tablet", Electronics, [84], 1_500_000, 9_000_000, "Tablet Android", "Tablet Anak", "Tablet Wi-Fi"),

        Leaf("laptop", "Laptop", "Laptops", "komputer", Electronics, [84], 3_500_000, 25_000_000, "Laptop", "Laptop Gaming", "Notebook Tipis", "Chromebook"),
        Leaf("keyboard-mouse", "Keyboard & Mouse", "Keyboards & Mice", "komputer", Electronics, [84], 45_000, 1_500_000, "Keyboard Mekanikal", "Mouse Wireless", "Keyboard Wireless", "Mouse Gaming"),
        Leaf("monitor", "Monitor", "Monitors", "komputer", Electronics, [85], 900_000, 6_500_000, "Monitor LED", "Monitor Gaming", "Monitor IPS"),
        Leaf("printer", "Printer", "Printers", "komputer", Electronics, [84], 650_000, 5_500_000, "Printer Inkjet", "Printer Thermal", "Printer Laser"),
        Leaf("router-modem", "Router & Modem", "Routers & Modems", "komputer", Electronics, [85], 150_000, 2_500_000, "Router Wi-Fi", "Modem 4G", "Mesh Wi-Fi", "Repeater Wi-Fi"),
        Leaf("flashdisk-memori", "Flashdisk & Memori", "Flash Drives & Memory", "komputer", Electronics, [84, 85], 35_000, 1_200_000, "Flashdisk", "Kartu MicroSD", "SSD Eksternal", "Hard Disk Eksternal"),

        Leaf("charger-adaptor", "Charger & Adaptor", "Chargers & Adapters", "aksesori-elektronik", Electronics, [85], 35_000, 650_000, "Charger Fast Charging", "Adaptor Charger", "Charger Mobil", "Wireless Charger"),
        Leaf("kabel-data", "Kabel Data", "Data Cables", "aksesori-elektronik", Electronics, [85], 15_000, 250_000, "Kabel Data USB-C", "Kabel Lightning", "Kabel Data Micro USB", "Kabel HDMI"),
        Leaf("power-bank", "Power Bank", "Power Banks", "aksesori-elektronik", Electronics, [85], 85_000, 750_000, "Power Bank", "Power Bank Mini", "Power Bank Magnetik"),
        Leaf("casing-hp", "Casing HP", "Phone Cases", "aksesori-elektronik", Electronics, [39], 15_000, 250_000, "Casing HP", "Softcase Bening", "Hardcase Anti Jatuh", "Case Magnetik"),
        Leaf("smartwatch", "Smartwatch", "Smartwatches", "aksesori-elektronik", Electronics, [85], 250_000, 5_500_000, "Smartwatch", "Smart Band", "Jam Tangan Pintar"),

        Leaf("earphone", "Earphone & Headset", "Earphones & Headsets", "audio-video", Electronics, [85], 45_000, 3_500_000, "Earphone Bluetooth", "TWS Earbuds", "Headset Gaming", "Headphone Over-ear"),
        Leaf("speaker", "Speaker", "Speakers", "audio-video", Electronics, [85], 85_000, 3_500_000, "Speaker Bluetooth", "Soundbar", "Speaker Portable", "Speaker Aktif"),
        Leaf("televisi", "Televisi", "Televisions", "audio-video", Electronics, [85], 1_500_000, 15_000_000, "Smart TV", "TV LED", "Android TV"),
        Leaf("kamera-cctv", "Kamera & CCTV", "Cameras & CCTV", "audio-video", Electronics, [85], 250_000, 12_000_000, "Kamera CCTV Wi-Fi", "Action Camera", "Webcam", "Kamera Mirrorless"),

        Leaf("lampu-led", "Lampu LED", "LED Lamps", "elektronik-rumah", Electronics, [85], 15_000, 250_000, "Lampu LED", "Lampu Emergency", "Lampu Tidur LED", "Lampu Strip LED"),
        Leaf("kipas-angin", "Kipas Angin", "Fans", "elektronik-rumah", Electronics, [84], 125_000, 1_500_000, "Kipas Angin Berdiri", "Kipas Angin Meja", "Kipas Angin Dinding", "Kipas Portable"),
        Leaf("penanak-nasi", "Penanak Nasi", "Rice Cookers", "elektronik-rumah", Electronics, [85], 175_000, 1_800_000, "Penanak Nasi Digital", "Rice Cooker Mini", "Magic Com"),
        Leaf("blender-mixer", "Blender & Mixer", "Blenders & Mixers", "elektronik-rumah", Electronics, [85], 150_000, 2_000_000, "Blender", "Mixer Roti", "Chopper Listrik", "Juicer"),
        Leaf("setrika-vacuum", "Setrika & Penyedot Debu", "Irons & Vacuum Cleaners", "elektronik-rumah", Electronics, [85], 125_000, 3_500_000, "Setrika Uap", "Setrika Listrik", "Vacuum Cleaner", "Robot Vacuum"),

        Leaf("aki-kendaraan", "Aki", "Vehicle Batteries", "otomotif-mobil", Automotive, [85], 350_000, 2_500_000, "Aki Kering Mobil", "Aki Motor", "Baterai Lithium"),
        Leaf("dashcam-head-unit", "Dashcam & Head Unit", "Dashcams & Head Units", "otomotif-mobil", Automotive, [85], 250_000, 4_500_000, "Dashcam", "Head Unit Android", "Kamera Mundur", "Speaker Mobil"),
        Leaf("lampu-kendaraan", "Lampu Kendaraan", "Vehicle Lights", "otomotif-mobil", Automotive, [85], 35_000, 1_200_000, "Lampu LED Mobil", "Lampu Projector", "Lampu Foglamp", "Lampu LED Motor"),
        Leaf("ban-velg", "Ban & Velg", "Tyres & Wheels", "otomotif-mobil", Automotive, [40, 87], 250_000, 8_000_000, "Ban Tubeless", "Velg Racing", "Ban Motor", "Velg Mobil"),
        Leaf("oli-pelumas", "Oli & Pelumas", "Oils & Lubricants", "otomotif-mobil", Automotive, [27], 35_000, 650_000, "Oli Mesin", "Oli Gardan", "Oli Matic", "Gemuk Pelumas"),
        Leaf("suku-cadang-mobil", "Suku Cadang Mobil", "Car Parts", "otomotif-mobil", Automotive, [87], 75_000, 5_500_000, "Kampas Rem Mobil", "Shockbreaker Mobil", "Filter Udara", "Radiator"),
        Leaf("suku-cadang-motor", "Suku Cadang Motor", "Motorcycle Parts", "otomotif-motor", Automotive, [87], 25_000, 2_500_000, "Kampas Rem Motor", "Rantai Motor", "Gir Set", "Shockbreaker Motor", "Busi Iridium"),
        Leaf("knalpot", "Knalpot", "Exhausts", "otomotif-motor", Automotive, [87], 250_000, 3_500_000, "Knalpot Racing", "Knalpot Standar", "Knalpot Full System"),

        Leaf("vitamin-suplemen", "Vitamin & Suplemen", "Vitamins & Supplements", "kesehatan", Health, [30], 35_000, 650_000, "Vitamin C", "Multivitamin", "Suplemen Kolagen", "Minyak Ikan Omega 3", "Suplemen Zinc"),
        Leaf("obat-bebas", "Obat Bebas", "Over-the-counter Medicine", "kesehatan", Health, [30], 8_000, 150_000, "Obat Batuk", "Obat Pereda Nyeri", "Obat Flu", "Salep Kulit", "Minyak Kayu Putih"),
        Leaf("alat-kesehatan", "Alat Kesehatan", "Medical Devices", "kesehatan", Health, [90], 45_000, 1_500_000, "Tensimeter Digital", "Termometer Digital", "Oksimeter", "Nebulizer", "Timbangan Badan Digital"),
        Leaf("p3k", "P3K & Perawatan Luka", "First Aid", "kesehatan", Health, [30], 8_000, 250_000, "Plester Luka", "Kotak P3K", "Kasa Steril", "Antiseptik"),
        Leaf("perawatan-wajah", "Perawatan Wajah", "Skincare", "kecantikan", Health, [33], 35_000, 650_000, "Serum Wajah", "Toner Wajah", "Sunscreen", "Pelembap Wajah", "Sabun Cuci Muka"),
        Leaf("perawatan-rambut", "Perawatan Rambut", "Hair Care", "kecantikan", Health, [33], 25_000, 350_000, "Sampo", "Kondisioner", "Hair Tonic", "Vitamin Rambut", "Masker Rambut"),
        Leaf("kosmetik", "Kosmetik", "Makeup", "kecantikan", Health, [33], 25_000, 650_000, "Lipstik", "Bedak Padat", "Cushion", "Maskara", "Eyeshadow Palette"),
        Leaf("parfum", "Parfum", "Fragrances", "kecantikan", Health, [33], 45_000, 2_500_000, "Parfum", "Eau de Parfum", "Body Mist", "Parfum Roll On"),
        Leaf("perawatan-tubuh", "Sabun & Perawatan Tubuh", "Bath & Body", "kecantikan", Health, [33, 34], 15_000, 250_000, "Sabun Mandi Cair", "Body Lotion", "Deodoran", "Lulur Mandi", "Hand Sanitizer"),

        Leaf("peralatan-masak", "Peralatan Masak", "Cookware", "dapur", Household, [73, 76], 45_000, 1_500_000, "Panci Stainless", "Wajan Anti Lengket", "Panci Presto", "Set Panci", "Kukusan Stainless"),
        Leaf("pisau-talenan", "Pisau & Talenan", "Knives & Boards", "dapur", Household, [39, 82], 25_000, 650_000, "Pisau Dapur Stainless", "Set Pisau", "Talenan Plastik", "Gunting Dapur"),
        Leaf("wadah-plastik", "Wadah Plastik", "Plastic Containers", "dapur", Household, [39], 10_000, 250_000, "Kotak Bekal", "Toples Plastik", "Container Box", "Wadah Kedap Udara"),
        Leaf("botol-minum", "Botol Minum & Termos", "Bottles & Flasks", "dapur", Household, [39, 96], 25_000, 450_000, "Botol Minum", "Tumbler Stainless", "Termos Air Panas", "Botol Minum Anak"),
        Leaf("rak-lemari", "Rak & Lemari", "Shelves & Cabinets", "penyimpanan-perabot", Household, [73, 94], 85_000, 2_500_000, "Rak Besi Serbaguna", "Lemari Plastik", "Rak Dinding", "Rak Piring Stainless"),
        Leaf("furnitur-lipat", "Meja & Kursi Lipat", "Folding Furniture", "penyimpanan-perabot", Household, [94], 150_000, 1_800_000, "Kursi Lipat", "Meja Lipat", "Kursi Plastik", "Meja Laptop Lipat"),
        Leaf("lampu-hias", "Lampu Hias", "Decorative Lamps", "penyimpanan-perabot", Household, [94], 45_000, 950_000, "Lampu Meja", "Lampu Gantung Minimalis", "Lampu Lantai", "Lampu Dinding"),
        Leaf("jam-dinding", "Jam Dinding", "Wall Clocks", "penyimpanan-perabot", Household, [91], 35_000, 650_000, "Jam Dinding Minimalis", "Jam Weker", "Jam Meja Digital"),
        Leaf("alat-kebersihan", "Alat Kebersihan", "Cleaning Tools", "kebersihan", Household, [39, 96], 15_000, 350_000, "Alat Pel", "Sapu Plastik", "Sikat Lantai", "Tempat Sampah"),

        Leaf("boneka", "Boneka", "Dolls & Plush Toys", "mainan-hobi", Toys, [95], 25_000, 650_000, "Boneka Beruang", "Boneka Karakter", "Boneka Bayi", "Boneka Plush"),
        Leaf("mainan-remote", "Mainan Remote Control", "RC Toys", "mainan-hobi", Toys, [95], 85_000, 2_500_000, "Mobil Remote Control", "Helikopter RC", "Drone Mainan", "Kapal Remote"),
        Leaf("action-figure", "Action Figure & Model Kit", "Figures & Model Kits", "mainan-hobi", Toys, [95], 75_000, 3_500_000, "Action Figure", "Figur Anime", "Model Kit Robot", "Diecast Mobil"),
        Leaf("puzzle-edukasi", "Puzzle & Mainan Edukasi", "Puzzles & Educational Toys", "mainan-hobi", Toys, [95], 25_000, 450_000, "Puzzle Anak", "Balok Susun", "Mainan Edukasi", "Mainan Montessori"),
        Leaf("board-game", "Board Game & Kartu", "Board & Card Games", "mainan-hobi", Toys, [95], 35_000, 950_000, "Board Game", "Kartu Remi", "Catur Magnetik", "Permainan Ular Tangga"),
        Leaf("mainan-bayi", "Mainan Bayi", "Baby Toys", "mainan-hobi", Toys, [95], 25_000, 450_000, "Mainan Gigitan Bayi", "Kerincingan", "Mainan Gantung Bayi", "Baby Gym"),
        Leaf("alat-olahraga", "Alat Olahraga", "Sports Equipment", "mainan-hobi", Toys, [95], 25_000, 2_500_000, "Raket Badminton", "Bola Sepak", "Shuttlecock", "Matras Yoga", "Dumbel"),
    ];

    /// <summary>
    /// Words that mark each blocked cluster's goods, for the suspected-misclassification rule. Each term is a whole word or phrase,
    /// chosen so that open categories do not trip it: "sepatu kulit" rather than "kulit" (skin care), no "gula" alone (blood sugar meters),
    /// no "silver" alone (a colour of every gadget). Regional names (jarik, kupi, kahwa, sambel) and English ones (wicker, seagrass,
    /// hand carved) are terms like any other; a term written "!phrase" is an exception naming other goods ("!sarung tangan", gloves).
    /// </summary>
    public static IReadOnlyList<LexiconSeed> Lexicons { get; } =
    [
        new(Textile,
        [
            "batik", "kebaya", "sarung", "sarong", "songket", "tenun", "ulos", "sasirangan", "jumputan", "lurik",
            "mukena", "hijab", "jilbab", "kerudung", "pashmina", "gamis", "baju koko", "peci", "songkok", "kopiah",
            "blangkon", "sepatu", "shoes", "sneakers", "sandal", "kain", "fabric", "kemeja", "shirt", "kaos",
            "celana", "jaket", "jacket", "dress", "rok", "blus", "blouse", "pakaian", "clothing", "busana",
            "tekstil", "textile", "selendang", "scarf", "syal", "handuk", "towel", "sprei", "selimut", "gorden",
            "taplak", "sajadah", "karpet", "bordir", "benang", "rajut", "brokat", "sutra", "topi", "tapis",
            "kain ikat", "tenun ikat", "ikat sumba", "ikat weave", "endek", "jarik", "jarit", "kemben", "beskap", "surjan",
            "wastra", "baju kurung", "baju adat", "tudung", "kaftan", "tunik", "pareo", "gringsing", "sulaman", "tie dye",
            "!sarung tangan", "!sarung jok", "!sarung tinju", "!rak sepatu", "!sepatu rem", "!kain lap", "!kain pel",
            "!karpet mobil", "!gorden kamar mandi", "!kaos lampu",
            "!kain poles", "!sarung setir", "!benang gigi", "!popok celana", "!sepatu roda", "!karpet puzzle",

            // Garments, headwear and footwear by their everyday Indonesian names.
            "baju", "gaun", "jas", "rompi", "sweter", "switer", "kardigan", "jumpsuit", "piyama",
            "daster", "kulot", "legging", "jogger pants", "rok plisket", "abaya", "seragam sekolah", "seragam kerja", "kaos kaki", "kaus kaki", "kaus",
            "pakaian dalam", "celana dalam", "beha", "singlet", "manset", "khimar", "bergo", "ciput", "cadar", "niqab",
            "sorban", "surban", "iket kepala", "udeng", "destar", "baju bodo", "cheongsam", "kimono", "jersey", "gendongan bayi",
            "bedong", "selop", "bakiak", "terompah", "sendal", "pantofel", "sepatu boot", "sepatu hak", "heels", "wedges",
            "stoking", "dasi pria", "dasi kupu", "bros jilbab", "tas wanita", "totebag", "tote bag", "handbag", "mantel", "seprai",
            "bed cover", "bedcover", "sarung bantal", "sarung guling", "hordeng", "permadani", "tas kain",

            // Cloth by its weave or fibre.
            "katun", "linen", "wol", "wool", "denim", "jeans", "rayon", "sifon", "chiffon", "ceruti",
            "voal", "voile", "toyobo", "flanel", "flannel", "beludru", "velvet", "renda", "organza",
            "tulle", "fleece", "twill", "poplin", "silk", "shibori", "sulam", "knitwear", "crochet", "embroidery",
            "embroidered", "knitted", "yarn",

            // Batik and woven cloth named by motif, technique or origin.
            "batik tulis", "batik cap", "motif parang", "parang rusak", "parang barong", "parang klitik", "kawung", "mega mendung", "megamendung", "truntum",
            "sidomukti", "sidoluhur", "sidoasih", "sido mukti", "sekar jagad", "ceplok", "nitik", "udan liris", "gedog",
            "tujuh rupa", "jlamprang", "wahyu tumurun", "lasem", "tenun troso", "ulap doyo", "limar", "tenun sikka", "songket pandai sikek",

            // Regional cloths, weaves and batik styles named by their place or style alone, and regional garments.
            "sogan", "besurek", "trusmi", "garutan", "tanah liek", "poleng", "cepuk", "bentenan", "goyor", "hinggi",
            "cual", "sukarara", "pringgasela", "tiga negeri", "hokokai", "semen rama", "pring sedapur", "buketan", "teluk belanga", "jubah",

            // English names of clothes, footwear and household linen.
            "t shirt", "tshirt", "tee shirt", "gown", "skirt", "trousers", "chinos", "cargo pants", "sweatpants",
            "track pants", "shorts", "blazer", "tuxedo", "overcoat", "trench coat", "raincoat", "hoodie", "sweater", "sweatshirt",
            "cardigan", "pullover", "polo shirt", "tank top", "camisole", "leggings", "tights", "socks", "stockings", "underwear",
            "lingerie", "panties", "boxers", "pajamas", "pyjamas", "nightgown", "nightdress", "sleepwear", "bathrobe",
            "apparel", "garment", "outfit", "headscarf", "turban", "hat", "beanie", "beret",
            "bucket hat", "fedora", "baseball cap", "snapback", "boots", "high heels", "slippers", "flip flops", "loafers", "moccasins",
            "oxford shoes", "espadrilles", "clogs", "footwear", "necktie", "bow tie", "bandana", "shawl", "swimsuit",
            "swimwear", "bikini", "bedsheet", "bed sheet", "duvet", "blanket", "quilt", "pillowcase", "curtain", "tablecloth",
            "table runner", "rug", "tapestry", "romper", "onesie",
            "kurta", "qipao", "hanfu", "saree", "thobe", "jalabiya", "tunic", "poncho", "overalls", "dungarees",
            "parka", "windbreaker", "waistcoat", "sneaker", "prayer mat", "prayer rug", "prayer robe", "modest wear", "headwrap", "head wrap",
            "veil", "handloom", "handloomed", "hand loomed", "sarongs",
            "!tudung saji", "!sarung hp", "!sarung handphone", "!sarung laptop", "!sarung kamera", "!sarung pisau", "!karpet lantai mobil", "!surabaya",
            "!jas hujan", "!rompi safety", "!kaos tangan", "!kaus lampu", "!hat trick", "!mantel lampu", "!shower curtain",
        ]),
        new(Food,
        [
            "kopi", "coffee", "arabika", "arabica", "robusta", "luwak", "teh", "tea", "kakao", "cocoa",
            "cokelat batangan", "keripik", "chips", "kerupuk", "crackers", "rempeyek", "rengginang", "sambal", "chili sauce", "madu",
            "honey", "dodol", "jenang", "bakpia", "nastar", "kue kering", "cookies", "manisan", "abon", "rendang",
            "dendeng", "ikan asin", "pempek", "bakso", "gula aren", "gula semut", "palm sugar", "rempah", "spices", "kayu manis",
            "jahe", "ginger", "kunyit", "lada hitam", "kecap", "terasi", "jamu", "wedang", "bandrek", "kacang mete",
            "beras merah", "minyak kelapa", "daging", "telur asin", "seafood", "mie", "tapioka", "salak",
            "ngopi", "kupi", "kahwa", "sambel", "emping", "gula jawa", "chili paste", "shrimp paste", "noodles", "bumbu",
            "petis", "gudeg", "tempe", "tempeh", "opak", "lanting", "wingko", "lapis legit",
            "!tea tree", "!mesin kopi", "!coffee maker", "!pisau daging", "!botol kecap", "!temper", "!fotokopi",

            // Staples, snacks, sweets and drinks by their everyday Indonesian names.
            "makanan ringan", "camilan", "cemilan", "kue", "bolu", "brownies", "roti", "biskuit", "wafer", "permen",
            "selai", "mentega", "keju", "susu bubuk", "susu uht", "susu kental manis", "susu kambing", "yoghurt", "yogurt", "es krim",
            "minuman", "jus buah", "air mineral", "mi instan", "mie instan", "bihun", "kwetiau", "spaghetti", "makaroni",
            "tepung", "gula pasir", "gula merah", "gula batu", "gula kelapa", "minyak goreng", "santan", "saus", "sauce", "lada",
            "merica", "ketumbar", "pala", "cengkeh", "kapulaga", "jinten", "kemiri", "kencur", "lengkuas", "serai",
            "sereh", "daun salam", "andaliman", "kluwek", "asam jawa", "vanili", "cabai", "cabe", "chili", "chilli",
            "ikan teri", "teri medan", "ikan asap", "ikan kering", "udang kering", "ebi", "cumi", "sosis", "nugget", "kornet", "sarden", "tuna",
            "siomay", "dimsum", "frozen food", "telur", "kacang", "almond", "kurma", "kismis", "chocolate",
            "agar agar", "nata de coco", "puding", "martabak", "oatmeal", "sereal", "granola", "madu hutan", "kombucha",
            "matcha", "oolong", "espresso", "cappuccino", "latte", "bajigur", "sekoteng", "dawet", "cendol",
            "kolak", "tuak", "brem",

            // Regional dishes, cakes and snacks that name no general word.
            "klepon", "lemper", "serabi", "surabi", "wajik", "geplak", "getuk", "gethuk", "tiwul",
            "pecel", "rawon", "soto", "sate ayam", "sate kambing", "rujak", "karedok", "gado gado", "lontong", "ketupat", "nasi goreng",
            "nasi liwet", "papeda", "sagu", "kue lapis", "bika ambon", "kue putu", "onde onde", "apem",
            "nagasari", "kue mangkok", "lumpia", "risoles", "bakwan", "tahu bakso", "otak otak", "kerak telor", "gemblong",
            "jadah", "yangko", "enting enting", "ampyang", "kue bangkit", "kue satu", "sagon", "kembang goyang", "keciput", "kastengel",
            "putri salju", "bakpao", "cilok", "cireng", "seblak", "basreng", "makaroni pedas", "usus crispy", "kulit ayam crispy", "durian",
            "salak pondoh", "alpukat", "kelengkeng", "rambutan", "manggis", "sirsak", "markisa", "nangka", "pisang",

            // Coffee, tea, cocoa and rice named by their origin, estate or variety alone.
            "gayo", "toraja", "kintamani", "mandailing", "mandheling", "lintong", "sidikalang", "bajawa", "wamena", "kopi kerinci",
            "preanger", "temanggung", "semendo", "liberika", "liberica", "excelsa", "ekselsa", "peaberry", "kopi lanang", "typica",
            "kayu aro", "gunung mas", "pekoe", "darjeeling", "earl grey", "chamomile", "rooibos", "sencha", "genmaicha", "hojicha",
            "puerh", "pu erh", "cacao", "criollo", "trinitario", "beras ketan", "beras putih", "pandan wangi", "rojolele", "mentik wangi", "basmati",

            // Regional snacks and dishes by their own names.
            "kemplang", "amplang", "tekwan", "lempok", "peuyeum", "kicimpring", "growol", "lupis", "carang gesing", "jipang",
            "lepet", "bagea", "semprong", "kemojo", "lemang", "balado", "sate", "kue talam",
            "dadar gulung", "cakalang", "dabu dabu", "arak bali", "pie susu", "kacang disko",

            // English names of foods and drinks.
            "coffee beans", "ground coffee", "green tea", "black tea", "herbal tea", "ramen", "instant noodles", "rice noodles", "vermicelli",
            "snack", "snacks", "biscuits", "cake", "bread", "candy", "gummy", "peanut butter",
            "cheese", "milk powder", "ice cream", "beef jerky", "jerky", "sausage", "sardines", "canned fish", "dried fish",
            "dried fruit", "dried mango", "cashew", "peanuts", "raisins", "soy sauce", "oyster sauce", "fish sauce",
            "spice", "seasoning", "pepper", "black pepper", "white pepper", "cinnamon", "cloves", "nutmeg", "cardamom",
            "turmeric", "lemongrass", "galangal", "candlenut", "vanilla pods", "vanilla beans", "coconut sugar", "brown sugar", "flour",
            "cooking oil", "coconut oil", "coconut milk", "oats", "cereal", "juice", "beverage", "snack bar",
            "tempeh chips", "shrimp crackers", "cassava chips", "banana chips", "dried shrimp", "anchovies", "meatballs",
            "groceries", "sweets", "pastry", "pastries", "cookie", "muffin",
            "chai latte", "masala chai", "fruit jam",
            "civet coffee", "civet", "clove", "peppercorn", "star anise", "bay leaves", "lime leaves", "kaffir lime", "arenga", "jasmine rice",
            "glutinous rice", "sticky rice", "prawn crackers", "fish crackers", "palm wine",
            "!handkerchief", "!cake stand", "!pepper spray", "!candy crush", "!breadboard", "!saucepan", "!tusuk sate", "!bedak beras", "!masker beras", "!parutan keju",
        ]),
        new(Craft,
        [
            "anyaman", "woven", "rotan", "rattan", "bambu", "bamboo", "eceng gondok", "water hyacinth", "mendong", "noken",
            "ukiran", "ukir", "carving", "kayu jati", "teak", "patung", "sculpture", "gerabah", "pottery", "tanah liat",
            "terracotta", "keramik", "ceramic", "porselen", "porcelain", "guci", "kaca tiup", "manik", "beads", "perak",
            "silverware", "filigri", "perhiasan", "jewelry", "jewellery", "mutiara", "pearl", "kuningan", "keris",
            "wayang", "topeng", "lukisan", "painting", "kaligrafi", "calligraphy", "angklung", "gamelan", "kendang", "sasando",
            "tas kulit", "dompet kulit", "kerajinan", "handicraft", "kerang", "batu paras", "tikar",
            "anyam", "wicker", "seagrass", "hand carved", "handcarved", "carved", "tembikar", "clay pot", "tas ata", "purun",
            "lontar", "macrame", "makrame", "kriya", "pandan weave",
            "!tikar plastik", "!pembersih keramik", "!pembersih porselen", "!lantai keramik", "!semprotan", "!topeng pesta",

            // Basketry and plaited ware, by what it is called in the villages that make it.
            "keranjang rotan", "keranjang bambu", "bakul", "tampah", "nyiru", "besek", "tenggok", "wakul", "lampit", "caping",
            "tudung saji", "kipas bambu", "ketak", "agel",

            // Pottery, glass, stone and wood.
            "kendi", "jambangan", "gentong tanah", "anglo", "celengan tanah", "pot tanah", "vas", "vas bunga", "kaca patri", "batu alam ukir",
            "ukir kayu", "kayu ukir", "akar jati", "miniatur kayu", "patung kayu", "batok kelapa", "tempurung kelapa", "gantungan kunci kayu", "hiasan kayu", "topeng kayu",

            // Jewellery and metalwork.
            "kalung", "gelang", "cincin", "anting", "bros", "liontin", "akik", "giok", "perak kotagede", "emas kuningan",
            "mandau", "rencong", "kujang", "badik", "kerambit", "tombak", "celurit",

            // Traditional instruments.
            "kolintang", "suling", "tifa", "gong", "rebab", "bonang", "saron", "talempong", "kecapi",
            "calung", "arumba", "rebana", "gambus", "serunai", "tarawangsa",

            // Craft villages and regional crafts and instruments by their own names.
            "kasongan", "banyumulek", "celuk", "tongkonan", "asmat", "kamasan", "kentongan", "djembe", "jimbe", "gendang",
            "gambang", "kenong", "kempul", "kacapi", "taganing", "hasapi", "sampek", "rindik", "jegog", "tingklik", "kulintang",

            // English names of craft goods and works of art.
            "figurine", "statue", "wood carving", "woodcraft", "wooden sculpture", "driftwood", "wind chime",
            "dreamcatcher", "dream catcher", "stoneware", "earthenware", "glassware", "blown glass", "stained glass", "lacquerware", "mosaic", "decoupage",
            "jewelry set", "necklace", "bracelet", "earrings", "brooch", "pendant necklace", "bangle", "anklet", "gemstone", "seashell",
            "shell craft", "coconut shell", "wall art", "artwork", "canvas painting", "handwoven", "hand woven", "handmade basket", "hand painted", "carved wood",
            "handicrafts", "picnic basket", "solid brass", "brass statue", "brass bell", "brass figurine",
            "kris", "shadow puppet", "filigree", "silver filigree", "mother of pearl", "suar wood", "mango wood", "acacia wood", "teakwood",
            "reclaimed teak", "recycled teak", "abaca", "pandanus", "coconut bowl", "handloom weaving", "rattan bag", "bamboo basket",
            "!ceramic coating", "!nano ceramic", "!ring light", "!cincin kunci", "!gong xi", "!pot bunga plastik", "!vas plastik", "!vas bunga plastik", "!cincin piston", "!vaseline", "!air suling", "!kalung anjing",
            "!kalung kucing", "!kalung hewan", "!gelang karet",
        ]),
    ];

    private static CategorySeed Branch(string slug, string nameId, string nameEn, string? parentSlug = null) =>
        new(slug, nameId, nameEn, parentSlug, null, [], [], 0, 0);

    private static CategorySeed Leaf(
        string slug,
        string nameId,
        string nameEn,
        string parentSlug,
        string clusterCode,
        int[] hsChapters,
        long minPrice,
        long maxPrice,
        params string[] productNouns) =>
        new(slug, nameId, nameEn, parentSlug, clusterCode, hsChapters, productNouns, minPrice, maxPrice);
}
