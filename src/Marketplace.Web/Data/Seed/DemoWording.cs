using Marketplace.Domain.Catalog;

namespace Marketplace.Web.Data.Seed;

internal enum SlotAudience
{
    Any,
    Local,
    CrossBorder,
}

/// <summary>One qualifier a title may carry ("Motif Parang", "250 gr"), added with the given chance.</summary>
/// <remarks>An option may hold <c>{kota}</c> (the seller's city, local sellers only) or <c>{negara}</c> (the seller's country).</remarks>
internal sealed record TitleSlot(int Percent, IReadOnlyList<string> Options, SlotAudience Audience = SlotAudience.Any);

/// <summary>
/// The words the generator builds titles and descriptions from. Sentences and qualifiers for open clusters avoid every
/// lexicon term, so a cross-border listing in an open category waits for review only when its title was made to read like blocked goods.
/// </summary>
internal static class DemoWording
{
    private static readonly string[] Colours = ["Hitam", "Putih", "Biru", "Abu-abu", "Merah", "Hijau", "Pink", "Navy", "Ungu"];

    private static readonly string[] FashionColours = ["Hitam", "Putih", "Navy", "Maroon", "Sage", "Dusty Pink", "Mocca", "Army", "Abu-abu", "Merah Bata"];

    private static readonly string[] Motifs =
    [
        "Motif Parang", "Motif Kawung", "Motif Truntum", "Motif Mega Mendung", "Motif Sidomukti", "Motif Lasem",
        "Motif Sekar Jagad", "Motif Jlamprang", "Motif Lereng", "Motif Bunga", "Motif Tambal",
    ];

    private static readonly string[] WovenMotifs =
    [
        "Motif Pucuk Rebung", "Motif Bunga Tabur", "Motif Kotak", "Motif Naga", "Motif Lepus", "Motif Kuda",
        "Motif Tumpal", "Motif Geometris", "Motif Patola", "Motif Ayam Jantan",
    ];

    /// <summary>Songket, tenun, ulos and the other woven or dyed cloths of the traditional branch, which batik motifs do not fit.</summary>
    private static readonly TitleSlot[] WovenClothSlots =
    [
        new(55, WovenMotifs),
        new(40, ["2 x 1,15 m", "2,25 x 1,05 m", "2,5 x 1,1 m", "Ukuran 1,5 m", "Lebar 110 cm"]),
        new(35, ["Pewarna Alam", "Halus", "Premium", "Warna Indigo", "Tenunan Tangan", "Benang Emas", "Khas {kota}"]),
    ];

    private static readonly string[] CoffeeOrigins =
        ["Gayo", "Toraja", "Kintamani", "Flores Bajawa", "Java Preanger", "Temanggung", "Lampung", "Sidikalang", "Kerinci", "Wamena"];

    private static readonly string[] FoodWeights = ["100 gr", "150 gr", "200 gr", "250 gr", "500 gr", "1 kg"];

    private static readonly HashSet<string> GarmentWords = new(StringComparer.Ordinal)
    {
        "Kemeja", "Dress", "Blus", "Tunik", "Atasan", "Kebaya", "Daster", "Gamis", "Abaya", "Kaos", "Baju", "Setelan", "Sarimbit",
        "Rok", "Celana", "Jaket", "Hoodie", "Sweater", "Cardigan", "Rompi", "Koko", "Maxi", "Jumper", "Bra", "Singlet", "Kamen",
    };

    private static readonly HashSet<string> SleevedWords = new(StringComparer.Ordinal) { "Kemeja", "Blus", "Kaos", "Baju", "Dress" };

    private static readonly Dictionary<string, TitleSlot[]> LeafSlots = new(StringComparer.Ordinal)
    {
        ["benang-rajut"] = [new(60, Colours), new(60, ["50 gr", "100 gr", "Isi 10 Gulung", "1 Gulung"])],
        ["renda-pita"] = [new(55, Colours), new(60, ["Lebar 2 cm", "Lebar 5 cm", "1 Roll 10 Yard", "per Meter"])],
        ["bordir"] = [new(40, FashionColours), new(45, ["Motif Bunga", "Motif Kerancang", "Motif Daun"]), new(35, ["Khas {kota}", "Jahitan Tangan", "Mesin Komputer"])],
        ["sarung"] = [new(50, ["Motif Kotak", "Motif Songket", "Motif Garis", "Motif Kembang"]), new(30, FashionColours), new(35, ["Dewasa", "Anak", "Premium", "Tenunan Tangan"])],
        ["sajadah"] = [new(45, FashionColours), new(45, ["Ukuran 70 x 115 cm", "Ukuran Besar", "Model Lipat"]), new(30, ["Tebal", "Motif Masjid", "Anti Slip"])],
        ["sepatu-anak"] = [new(45, Colours), new(55, ["Ukuran 24", "Ukuran 26", "Ukuran 28", "Ukuran 30", "Ukuran 32", "Ukuran 34"]), new(30, ["Anti Slip", "Ringan", "Perekat"])],
        ["sarung-bantal"] = [new(55, ["Ukuran 40 x 40 cm", "Ukuran 45 x 45 cm", "Ukuran 50 x 70 cm", "Isi 2 pcs"]), new(30, Motifs), new(35, FashionColours), new(25, ["Katun Jepang", "Resleting", "Tebal"])],
        ["kaos-kaki"] = [new(45, FashionColours), new(60, ["Isi 3 Pasang", "Isi 6 Pasang", "Isi 12 Pasang"]), new(35, ["Dewasa", "Anak", "Semata Kaki", "Model Panjang"])],

        ["teh"] = [new(45, ["Kayu Aro", "Puncak", "Gunung Mas", "Wonosari", "Tambi"], SlotAudience.Local), new(40, ["{negara}"], SlotAudience.CrossBorder), new(60, ["50 gr", "100 gr", "250 gr", "Isi 25 Kantong", "Isi 50 Kantong"]), new(25, ["Tubruk", "Celup", "Premium", "Organik"])],
        ["teh-herbal"] = [new(60, ["Isi 20 Kantong", "50 gr", "100 gr"]), new(30, ["Organik", "Tanpa Gula", "Khas {kota}"])],
        ["cokelat-kakao"] = [new(60, ["100 gr", "250 gr", "500 gr", "1 kg"]), new(35, ["Dark 70%", "Single Origin", "Khas {kota}", "Tanpa Gula"])],
        ["kopi-siap-minum"] = [new(65, ["Botol 250 ml", "1 Liter", "Isi 10 Sachet", "Isi 20 Sachet"]), new(25, ["Tanpa Pengawet", "Less Sugar", "Khas {kota}"])],
        ["gula-aren"] = [new(65, ["250 gr", "500 gr", "1 kg", "Botol 350 ml"]), new(40, ["Khas {kota}", "Murni", "Organik", "Tanpa Campuran"])],
        ["minyak-kelapa"] = [new(70, ["Botol 100 ml", "Botol 250 ml", "Botol 500 ml", "1 Liter"]), new(40, ["Khas {kota}", "Murni", "Organik", "Cold Pressed"])],
        ["rempah"] = [new(70, ["50 gr", "100 gr", "250 gr", "500 gr", "1 kg"]), new(40, ["Khas {kota}", "Utuh", "Bubuk", "Organik", "Kualitas Ekspor"])],
        ["madu"] = [new(70, ["250 ml", "500 ml", "Botol 650 ml", "1 kg"]), new(40, ["Murni", "Mentah", "Khas {kota}", "Hutan Liar"])],
        ["telur-susu"] = [new(60, ["Isi 10", "Isi 30", "1 Liter", "500 ml", "250 gr"]), new(35, ["Khas {kota}", "Segar", "Murni"])],

        ["furnitur-rotan"] = [new(50, ["Set 2 Kursi 1 Meja", "Single", "Ukuran 60 x 60 cm", "Ukuran Besar"]), new(45, ["Warna Natural", "Finishing Vernis", "Plus Bantal", "Khas {kota}"])],
        ["keris"] = [new(45, ["Luk 5", "Luk 7", "Luk 9", "Lurus"]), new(40, ["Pamor Udan Mas", "Pamor Wos Wutah", "Pamor Ngulit Semangka"]), new(30, ["Lengkap Warangka", "Khas {kota}"])],
        ["kuningan-tembaga"] = [new(50, ["Diameter 30 cm", "Tinggi 40 cm", "Ukuran Kecil", "Ukuran Besar"]), new(40, ["Handmade", "Finishing Antik", "Khas {kota}"])],
        ["lukisan"] =
        [
            new(70, ["Penari Bali", "Pemandangan Sawah", "Barong", "Bunga Teratai", "Gunung Merapi", "Pasar Tradisional", "Abstrak", "Perahu Nelayan"]),
            new(60, ["40 x 60 cm", "60 x 90 cm", "80 x 120 cm", "100 x 150 cm"]),
            new(35, ["Dengan Bingkai", "Tanpa Bingkai", "Karya Asli"]),
        ],
        ["alat-musik-tradisional"] = [new(50, ["Nada Pelog", "Nada Slendro", "Nada Diatonis", "Ukuran Anak", "Set Lengkap"]), new(35, ["Handmade", "Khas {kota}", "Siap Pakai"])],

        ["tablet"] = [new(70, ["RAM 4/64 GB", "RAM 6/128 GB", "RAM 8/256 GB"]), new(40, ["Layar 8,7 inci", "Layar 11 inci", "Layar 12,4 inci"]), new(35, Colours), new(45, ["Garansi Resmi", "Garansi Distributor"])],
        ["laptop"] = [new(60, ["Intel Core i5", "Intel Core i7", "Ryzen 5", "Ryzen 7"]), new(55, ["RAM 8 GB", "RAM 16 GB", "SSD 512 GB", "SSD 1 TB"]), new(40, ["Layar 14 inci", "Layar 15,6 inci"]), new(35, ["Garansi Resmi"])],
        ["monitor"] = [new(70, ["22 inci", "24 inci", "27 inci", "32 inci"]), new(50, ["75Hz", "144Hz", "165Hz", "Full HD", "2K QHD"]), new(30, ["Garansi Resmi"])],
        ["printer"] = [new(60, ["All-in-One", "Wi-Fi", "Tinta Infus", "Bluetooth", "Portable"]), new(35, ["Garansi Resmi"])],
        ["keyboard-mouse"] = [new(60, ["Wireless", "RGB", "Silent Click", "Bluetooth", "Hot Swap"]), new(35, Colours), new(30, ["Garansi 1 Tahun"])],
        ["router-modem"] = [new(60, ["Dual Band", "4G LTE", "AX3000", "AC1200", "Unlock All Operator"]), new(35, ["Garansi Resmi"])],
        ["flashdisk-memori"] = [new(80, ["32 GB", "64 GB", "128 GB", "256 GB", "512 GB", "1 TB"]), new(40, ["USB 3.2", "Type-C", "Class 10"]), new(30, ["Garansi 5 Tahun", "Original"])],
        ["charger-adaptor"] = [new(70, ["20W", "33W", "45W", "65W", "100W"]), new(45, ["Dual Port", "USB-C PD", "GaN", "Quick Charge"]), new(25, Colours), new(30, ["Garansi 6 Bulan", "Original"])],
        ["kabel-data"] = [new(65, ["1 Meter", "2 Meter", "30 cm", "3 Meter"]), new(45, ["60W", "100W", "Fast Charging", "Nilon Anti Putus"]), new(25, Colours)],
        ["power-bank"] = [new(75, ["5000 mAh", "10000 mAh", "20000 mAh", "30000 mAh"]), new(40, ["Fast Charging 22,5W", "Dual Output", "Layar LED"]), new(30, Colours), new(25, ["Garansi 6 Bulan"])],
        ["casing-hp"] = [new(70, ["iPhone 15", "iPhone 13", "Samsung A55", "Redmi Note 13", "Infinix Hot 40", "Oppo A78", "Vivo Y36"]), new(45, ["Anti Jatuh", "Bening", "Motif Marmer", "Doff", "Karakter Lucu"]), new(30, Colours)],
        ["smartwatch"] = [new(60, ["Layar AMOLED", "Tahan Air IP68", "Layar 1,9 inci", "Bluetooth Call", "GPS"]), new(40, Colours), new(35, ["Garansi Resmi"])],
        ["televisi"] = [new(80, ["32 inci", "43 inci", "50 inci", "55 inci", "65 inci"]), new(50, ["4K UHD", "Full HD", "Google TV", "HDR10"]), new(35, ["Garansi Resmi"])],
        ["kamera-cctv"] = [new(65, ["2 MP", "4 MP", "Full HD", "4K", "360 Derajat"]), new(45, ["Night Vision", "Outdoor", "Tahan Air", "Wi-Fi"]), new(30, ["Garansi 1 Tahun"])],
        ["lampu-led"] = [new(70, ["5W", "9W", "12W", "18W", "30W"]), new(45, ["Cahaya Putih", "Cahaya Kuning", "Hemat Energi"]), new(30, ["Garansi 1 Tahun", "SNI"])],
        ["kipas-angin"] = [new(60, ["12 inci", "16 inci", "18 inci"]), new(45, ["Remote Control", "Hemat Listrik", "3 Kecepatan", "Timer"]), new(30, Colours), new(30, ["Garansi 1 Tahun", "SNI"])],
        ["penanak-nasi"] = [new(70, ["0,6 Liter", "1 Liter", "1,8 Liter", "2 Liter"]), new(45, ["Digital", "Anti Lengket", "3 in 1", "Low Watt"]), new(30, ["Garansi 1 Tahun", "SNI"])],
        ["blender-mixer"] = [new(60, ["1,5 Liter", "2 Liter", "350 Watt", "600 Watt"]), new(45, ["Tabung Kaca", "6 Mata Pisau", "Portable", "Rechargeable"]), new(25, Colours), new(30, ["Garansi 1 Tahun"])],
        ["setrika-vacuum"] = [new(55, ["350 Watt", "600 Watt", "1000 Watt", "Tangki 300 ml"]), new(45, ["Cordless", "Anti Lengket", "Hemat Listrik", "HEPA Filter"]), new(30, ["Garansi 1 Tahun", "SNI"])],

        ["aki-kendaraan"] = [new(70, ["12V 5Ah", "12V 45Ah", "NS40", "NS60"]), new(40, ["Maintenance Free", "Original", "Garansi 6 Bulan"])],
        ["dashcam-head-unit"] = [new(60, ["Full HD 1080p", "4K", "Layar 3 inci", "Layar 9 inci", "Layar 10 inci"]), new(40, ["Night Vision", "Wi-Fi", "Android 13"]), new(35, ["Universal", "Garansi 1 Tahun"])],
        ["lampu-kendaraan"] = [new(55, ["H4", "H11", "T10", "HB3"]), new(40, ["6000K Putih Terang", "Cahaya Kuning", "Anti Air"]), new(35, ["Universal", "Garansi 6 Bulan"])],
        ["ban-velg"] = [new(70, ["Ring 14", "Ring 15", "Ring 17", "185/65 R15", "90/80-14"]), new(35, ["Tubeless", "Racing", "Original"])],
        ["oli-pelumas"] = [new(70, ["0,8 Liter", "1 Liter", "4 Liter"]), new(55, ["SAE 10W-40", "SAE 5W-30", "SAE 20W-50"]), new(35, ["Original", "Full Synthetic"])],

        ["vitamin-suplemen"] = [new(70, ["Isi 30 Tablet", "Isi 60 Kapsul", "Isi 90 Softgel", "1000 mg", "500 mg"]), new(40, ["BPOM", "Halal", "Dewasa", "Anak"])],
        ["obat-bebas"] = [new(65, ["Isi 10 Tablet", "Botol 60 ml", "Botol 100 ml", "Tube 15 gr"]), new(40, ["BPOM", "Dewasa", "Anak"])],
        ["alat-kesehatan"] = [new(55, ["Digital", "Akurat", "Layar LCD", "Portable"]), new(45, ["Garansi 1 Tahun", "Izin Kemenkes", "Baterai AAA"])],
        ["p3k"] = [new(60, ["Isi 10", "Isi 50", "Isi 100", "Botol 100 ml"]), new(40, ["Steril", "Tahan Air", "BPOM"])],
        ["perawatan-rambut"] = [new(60, ["100 ml", "170 ml", "250 ml", "500 ml"]), new(45, ["Rambut Rontok", "Anti Ketombe", "Rambut Kering", "Aloe Vera", "Ginseng"]), new(30, ["BPOM", "Halal"])],
        ["kosmetik"] = [new(60, ["Shade Natural", "Shade Beige", "Shade Rose", "Shade Nude"]), new(45, ["Matte", "Tahan Lama", "Waterproof", "SPF 30"]), new(30, ["BPOM", "Halal"])],
        ["parfum"] = [new(65, ["30 ml", "50 ml", "100 ml"]), new(50, ["Aroma Vanilla", "Aroma Oud", "Aroma Citrus", "Aroma Floral", "Aroma Musk"]), new(40, ["Tahan Lama", "Unisex", "Pria", "Wanita"])],

        ["jam-dinding"] = [new(55, ["Diameter 30 cm", "Diameter 40 cm", "Ukuran Kecil"]), new(50, ["Minimalis", "Bebas Detak", "Modern", "Angka Besar"]), new(35, Colours)],
        ["lampu-hias"] = [new(45, ["Fitting E27", "Lampu LED", "Kabel 1,5 m"]), new(50, ["Minimalis", "Modern", "Nordic", "Industrial"]), new(35, Colours)],
        ["alat-olahraga"] = [new(55, ["Ukuran Standar", "Tebal 8 mm", "Isi 12", "Set 2 pcs", "2 kg", "5 kg"]), new(40, ["Ringan", "Anti Slip", "Original", "Tahan Lama"]), new(30, Colours)],
    };

    private static readonly Dictionary<string, TitleSlot[]> BranchSlots = new(StringComparer.Ordinal)
    {
        ["kain-tradisional"] = [new(60, Motifs), new(40, ["2 x 1,15 m", "2,25 x 1,05 m", "2,5 x 1,1 m", "Ukuran 1,5 m", "Lebar 110 cm"]), new(35, ["Pewarna Alam", "Halus", "Premium", "Warna Sogan", "Warna Indigo", "Khas {kota}"])],
        ["kain-bahan"] = [new(50, FashionColours), new(70, ["per Meter", "per 0,5 Meter", "1 Roll", "per Kg", "per Yard"]), new(25, ["Premium", "Lembut", "Tidak Luntur"])],
        ["busana-muslim"] = [new(35, ["Katun", "Voal", "Ceruti", "Jersey", "Rayon", "Katun Jepang"]), new(45, FashionColours), new(35, ["Ukuran Jumbo", "Ukuran Dewasa", "Ukuran Anak", "115 x 115 cm", "All Size"]), new(20, ["Premium", "Adem", "Anti Kusut", "Tebal"])],
        ["sepatu-sandal"] = [new(45, ["Pria", "Wanita", "Unisex"]), new(40, FashionColours), new(55, ["Ukuran 38", "Ukuran 39", "Ukuran 40", "Ukuran 41", "Ukuran 42", "Ukuran 43", "Ukuran 36-40", "Ukuran 39-44"]), new(25, ["Sol Karet", "Anti Slip", "Jahit Tangan", "Ringan"])],
        ["tutup-kepala"] = [new(40, FashionColours), new(40, ["Ukuran No. 5", "Ukuran No. 6", "Ukuran No. 7", "All Size", "Bisa Diatur"]), new(30, ["Polos", "Motif Batik", "Premium", "Jahitan Rapi"])],
        ["aksesori-fesyen"] = [new(40, FashionColours), new(30, Motifs), new(25, ["Ukuran 180 x 70 cm", "Ukuran 200 x 50 cm", "Premium"])],
        ["tekstil-rumah"] = [new(45, ["Ukuran 120 x 200", "Ukuran 160 x 200", "Ukuran 180 x 200", "Ukuran 70 x 140", "Ukuran 150 x 250"]), new(25, Motifs), new(35, FashionColours), new(25, ["Katun Jepang", "Microfiber", "Tebal", "Anti Luntur", "Premium"])],

        ["kopi-teh"] = [new(55, CoffeeOrigins, SlotAudience.Local), new(45, ["{negara}"], SlotAudience.CrossBorder), new(60, FoodWeights), new(30, ["Medium Roast", "Dark Roast", "Light Roast", "Full Wash", "Natural Process", "Honey Process"])],
        ["camilan"] = [new(60, ["Balado", "Pedas Manis", "Original", "Asin Gurih", "Keju", "Jagung Bakar", "Rumput Laut", "Daun Jeruk", "Bawang Putih"]), new(60, FoodWeights), new(30, ["Khas {kota}", "Renyah", "Tanpa Pengawet", "Kemasan Ziplock", "Pedas Level 5"])],
        ["kue-manisan"] = [new(60, ["Isi 10", "Isi 20", "250 gr", "500 gr", "Toples 500 gr", "Box Isi 15"]), new(40, ["Khas {kota}", "Homemade", "Spesial Lebaran", "Tanpa Pengawet", "Premium"])],
        ["bumbu-rempah"] = [new(65, ["100 gr", "250 gr", "500 gr", "Botol 150 ml", "Botol 250 ml", "Sachet 50 gr"]), new(35, ["Khas {kota}", "Pedas", "Extra Pedas", "Tanpa MSG", "Homemade"])],
        ["lauk-olahan"] = [new(60, ["250 gr", "500 gr", "1 kg", "Isi 10", "Isi 25", "Kemasan Vakum", "Frozen"]), new(40, ["Khas {kota}", "Siap Saji", "Pedas", "Original", "Tanpa Pengawet"])],
        ["bahan-segar"] = [new(60, ["500 gr", "1 kg", "2 kg", "Per Ekor", "Pack 1 kg"]), new(40, ["Segar", "Panen Hari Ini", "Grade A", "Khas {kota}"])],
        ["bahan-pokok"] = [new(70, ["500 gr", "1 kg", "2 kg", "5 kg", "10 kg"]), new(40, ["Organik", "Premium", "Khas {kota}", "Kemasan Vakum", "Tanpa Pemutih"])],
        ["minuman"] = [new(65, ["Botol 250 ml", "Botol 500 ml", "1 Liter", "Isi 10 Sachet", "250 gr"]), new(35, ["Khas {kota}", "Tanpa Pengawet", "Rendah Gula", "Siap Seduh"])],

        ["anyaman"] = [new(55, ["Diameter 20 cm", "Diameter 30 cm", "Diameter 40 cm", "Ukuran Kecil", "Ukuran Sedang", "Ukuran Besar", "Set 3 pcs"]), new(45, ["Warna Natural", "Finishing Vernis", "Warna Coklat Tua", "Handmade", "Khas {kota}"])],
        ["kerajinan-kayu"] = [new(50, ["Kayu Jati", "Kayu Mahoni", "Kayu Suar", "Kayu Sonokeling", "Kayu Pule"]), new(50, ["Tinggi 30 cm", "Tinggi 50 cm", "Tinggi 1 m", "Ukuran 60 x 120 cm", "Ukuran Kecil", "Ukuran Besar"]), new(35, ["Finishing Natural", "Ukir Halus", "Khas {kota}", "Finishing Melamin"])],
        ["keramik-gerabah"] = [new(55, ["Diameter 15 cm", "Diameter 25 cm", "Tinggi 25 cm", "Tinggi 40 cm", "Set 6 pcs", "Ukuran Kecil", "Ukuran Besar"]), new(40, ["Glasir Biru", "Glasir Putih", "Terakota", "Motif Bunga", "Handmade"]), new(25, ["Khas {kota}"])],
        ["kerajinan-kaca"] = [new(45, ["Ukuran Kecil", "Ukuran Sedang", "Set 2 pcs", "Panjang 45 cm"]), new(40, ["Warna-warni", "Motif Dayak", "Handmade", "Khas {kota}"])],
        ["perhiasan-logam"] = [new(45, ["Perak 925", "Lapis Emas", "Sepuh Emas"]), new(45, ["Motif Filigri", "Motif Bunga", "Motif Naga", "Motif Daun", "Polos"]), new(25, ["Ukuran 16", "Ukuran 18", "Panjang 45 cm"]), new(25, ["Khas {kota}", "Handmade"])],
        ["seni-budaya"] = [new(45, ["Ukuran Mini", "Tinggi 50 cm", "Tinggi 70 cm", "Ukuran Besar"]), new(40, ["Karya Asli", "Handmade", "Pewarna Alam", "Khas {kota}"]), new(20, ["Siap Pajang", "Dengan Kotak Simpan"])],
        ["kriya-lainnya"] = [new(45, ["Ukuran Kecil", "Ukuran Sedang", "Ukuran Besar"]), new(45, ["Warna Natural", "Warna Hitam", "Warna Coklat", "Handmade", "Khas {kota}"])],

        ["ponsel-tablet"] = [new(70, ["RAM 4/64 GB", "RAM 6/128 GB", "RAM 8/256 GB", "RAM 12/512 GB"]), new(35, ["Layar 6,7 inci", "Baterai 5000 mAh", "NFC", "Kamera 108 MP"]), new(35, Colours), new(45, ["Garansi Resmi", "Garansi Distributor"])],
        ["komputer"] = [new(35, Colours), new(35, ["Garansi Resmi", "Garansi 1 Tahun"])],
        ["aksesori-elektronik"] = [new(40, Colours), new(30, ["Garansi 6 Bulan", "Original"])],
        ["audio-video"] = [new(60, ["Bluetooth 5.3", "Noise Cancelling", "Bass Boost", "Tahan Air IPX5", "Mikrofon Jernih", "Low Latency"]), new(35, Colours), new(35, ["Garansi Resmi", "Garansi 1 Tahun"])],
        ["elektronik-rumah"] = [new(40, Colours), new(35, ["Garansi 1 Tahun", "SNI"])],
        ["otomotif-mobil"] = [new(55, ["Toyota Avanza", "Honda Brio", "Daihatsu Xenia", "Mitsubishi Xpander", "Suzuki Ertiga", "Toyota Innova", "Universal"]), new(40, ["Original", "Standar Pabrik", "Racing", "Garansi 3 Bulan"])],
        ["otomotif-motor"] = [new(60, ["Honda Beat", "Honda Vario 160", "Yamaha NMAX", "Yamaha Aerox", "Suzuki Satria", "Kawasaki Ninja", "Universal"]), new(40, ["Original", "Racing", "Standar Pabrik", "Garansi 3 Bulan"])],
        ["kesehatan"] = [new(60, ["Isi 10", "Isi 30", "Botol 100 ml"]), new(40, ["BPOM", "Halal"])],
        ["kecantikan"] = [new(60, ["10 ml", "30 ml", "50 ml", "100 ml", "200 ml", "250 ml"]), new(45, ["Kulit Berminyak", "Kulit Sensitif", "Semua Jenis Kulit", "Niacinamide", "Aloe Vera", "Hyaluronic Acid"]), new(35, ["BPOM", "Halal"])],
        ["dapur"] = [new(55, ["1 Liter", "2 Liter", "Diameter 20 cm", "Diameter 24 cm", "Set 3 pcs", "Set 5 pcs", "Ukuran Besar"]), new(40, ["Stainless Steel", "BPA Free", "Anti Karat", "Tebal", "Food Grade"]), new(30, Colours)],
        ["penyimpanan-perabot"] = [new(50, ["Ukuran Besar", "Ukuran Sedang", "4 Susun", "3 Susun", "60 x 40 cm"]), new(40, ["Besi", "Plastik Tebal", "Minimalis", "Lipat", "Mudah Dirakit"]), new(35, Colours)],
        ["kebersihan"] = [new(50, ["Set 2 pcs", "Ukuran Besar", "Gagang 120 cm", "Kapasitas 20 Liter"]), new(40, ["Anti Karat", "Plastik Tebal", "Mudah Diperas", "Serbaguna"]), new(35, Colours)],
        ["mainan-hobi"] = [new(50, ["Usia 1+", "Usia 3+", "Usia 5+", "Usia 8+"]), new(40, ["Set Lengkap", "Edisi Terbatas", "Skala 1:24", "Isi 100 pcs", "Ukuran 30 cm", "Rechargeable"]), new(25, Colours), new(20, ["SNI"])],
    };

    private static readonly Dictionary<string, string[]> LocalProductSentences = new(StringComparer.Ordinal)
    {
        [ClusterCodes.Textile] =
        [
            "{noun} ini dikerjakan oleh perajin di {kota} dengan ketelitian tinggi.",
            "{noun} dibuat dari bahan pilihan yang adem dan nyaman dipakai seharian.",
            "Setiap {noun} kami periksa satu per satu sebelum dikemas.",
            "{noun} produksi UMKM {kota}, dijahit rapi dengan benang yang kuat.",
        ],
        [ClusterCodes.FoodBeverage] =
        [
            "{noun} ini diolah oleh UMKM di {kota} dari bahan pilihan.",
            "{noun} dibuat tanpa bahan pengawet dan pewarna buatan.",
            "{noun} kami produksi setiap hari sehingga selalu segar.",
            "{noun} sudah memiliki izin PIRT dan sertifikat halal.",
        ],
        [ClusterCodes.Handicraft] =
        [
            "{noun} ini dibuat dengan tangan oleh perajin {kota}, sehingga setiap buah sedikit berbeda.",
            "{noun} dikerjakan dari bahan alami pilihan dengan finishing yang rapi.",
            "{noun} merupakan karya perajin lokal yang menekuni keahlian ini turun-temurun.",
        ],
    };

    private static readonly Dictionary<string, string[]> ImportedProductSentences = new(StringComparer.Ordinal)
    {
        [ClusterCodes.Textile] =
        [
            "{noun} ini diproduksi massal di pabrik mitra kami.",
            "{noun} dijual dengan harga grosir, stok selalu tersedia dalam jumlah besar.",
        ],
        [ClusterCodes.FoodBeverage] =
        [
            "{noun} ini produk impor dengan label terjemahan berbahasa Indonesia.",
            "{noun} diproduksi pabrik besar dan dikirim dalam jumlah grosir.",
        ],
        [ClusterCodes.Handicraft] =
        [
            "{noun} ini dibuat dengan mesin sehingga ukuran dan bentuknya seragam.",
            "{noun} dijual dengan harga pabrik untuk pembelian grosir.",
        ],
    };

    private static readonly Dictionary<string, string[]> OpenProductSentences = new(StringComparer.Ordinal)
    {
        [ReferenceCatalog.Electronics] =
        [
            "{noun} ini baru, tersegel, dan sudah diuji fungsi sebelum dikirim.",
            "{noun} dengan kualitas terjamin dan garansi toko.",
            "{noun} ringkas dan mudah digunakan.",
        ],
        [ReferenceCatalog.Automotive] =
        [
            "{noun} ini sesuai standar pabrikan.",
            "{noun} sudah diuji ketahanannya untuk pemakaian harian.",
        ],
        [ReferenceCatalog.Health] =
        [
            "{noun} ini resmi dan memiliki izin edar.",
            "{noun} ini cocok untuk pemakaian sehari-hari di rumah.",
        ],
        [ReferenceCatalog.Household] =
        [
            "{noun} ini kokoh dan mudah dibersihkan.",
            "{noun} dibuat dari bahan yang aman untuk pemakaian sehari-hari.",
        ],
        [ReferenceCatalog.Toys] =
        [
            "{noun} ini aman untuk anak dan sudah berlabel SNI.",
            "{noun} melatih kreativitas dan kemampuan motorik anak.",
        ],
    };

    private static readonly Dictionary<string, string[]> ExtraSentences = new(StringComparer.Ordinal)
    {
        [ClusterCodes.Textile] =
        [
            "Motif dan warna dapat sedikit berbeda karena pencahayaan foto.",
            "Cuci dengan tangan memakai sabun lembut agar warna awet.",
            "Cocok untuk acara resmi, kondangan, maupun ke kantor.",
            "Tersedia ukuran dan warna lain, silakan tanyakan lewat chat.",
        ],
        [ClusterCodes.FoodBeverage] =
        [
            "Simpan di tempat kering dan sejuk setelah kemasan dibuka.",
            "Tahan hingga tiga bulan dalam kemasan tertutup.",
            "Cocok untuk oleh-oleh maupun stok di rumah.",
            "Kemasan dilapisi bubble wrap agar aman selama pengiriman.",
        ],
        [ClusterCodes.Handicraft] =
        [
            "Cocok untuk dekorasi rumah, kafe, hotel, maupun hadiah.",
            "Bisa pesan ukuran khusus melalui chat.",
            "Dikemas dengan kardus tebal dan bubble wrap agar aman sampai tujuan.",
        ],
        [ReferenceCatalog.Electronics] =
        [
            "Klaim garansi cukup dengan menyertakan nota pembelian.",
            "Mohon rekam video saat membuka paket untuk klaim kerusakan.",
            "Spesifikasi lengkap dapat dilihat pada foto produk.",
        ],
        [ReferenceCatalog.Automotive] =
        [
            "Pastikan tipe kendaraan Anda sesuai sebelum membeli.",
            "Pemasangan disarankan di bengkel terpercaya.",
        ],
        [ReferenceCatalog.Health] =
        [
            "Gunakan sesuai petunjuk pada kemasan.",
            "Simpan pada suhu ruang dan jauhkan dari jangkauan anak-anak.",
            "Kemasan tersegel dan dikirim dengan bubble wrap.",
        ],
        [ReferenceCatalog.Household] =
        [
            "Cocok untuk dapur, kamar kos, maupun rumah keluarga.",
            "Ringan dan hemat tempat saat disimpan.",
        ],
        [ReferenceCatalog.Toys] =
        [
            "Cocok sebagai hadiah ulang tahun.",
            "Anak di bawah tiga tahun sebaiknya bermain dengan pendampingan orang tua.",
        ],
    };

    public static IReadOnlyList<string> LocalShippingSentences { get; } =
    [
        "Dikirim dari {kota}, {provinsi}, dalam 1-2 hari kerja.",
        "Pesanan yang masuk sebelum pukul 15.00 dikirim di hari yang sama.",
    ];

    public static IReadOnlyList<string> CrossBorderShippingSentences { get; } =
    [
        "Dikirim dari {kota}, {negara}; estimasi tiba 7-14 hari kerja.",
        "Barang dikirim langsung dari luar negeri oleh penjual di {negara}.",
    ];

    public static string ImportedByLocalSellerSentence => "Produk impor yang kami datangkan sendiri, stok tersedia di gudang {kota}.";

    /// <summary>The qualifiers for a title: the leaf's own, else sizes for a garment, else motifs for a woven cloth, else the branch's.</summary>
    public static IReadOnlyList<TitleSlot> SlotsFor(CategorySeed category, string noun)
    {
        if (LeafSlots.TryGetValue(category.Slug, out var own))
        {
            return own;
        }

        var firstWord = noun.Split(' ')[0];
        if (category.ClusterCode == ClusterCodes.Textile && GarmentWords.Contains(firstWord))
        {
            return GarmentSlots(category, noun, firstWord);
        }

        if (IsWovenCloth(category, noun))
        {
            return WovenClothSlots;
        }

        return BranchSlots.TryGetValue(category.ParentSlug ?? string.Empty, out var branch) ? branch : [];
    }

    public static IReadOnlyList<string> ProductSentences(string clusterCode, bool imported)
    {
        if (OpenProductSentences.TryGetValue(clusterCode, out var open))
        {
            return open;
        }

        return imported ? ImportedProductSentences[clusterCode] : LocalProductSentences[clusterCode];
    }

    public static IReadOnlyList<string> ExtraSentencesFor(string clusterCode) => ExtraSentences[clusterCode];

    private static bool IsWovenCloth(CategorySeed category, string noun) =>
        category.ParentSlug == "kain-tradisional" && !noun.Contains("Batik", StringComparison.Ordinal);

    private static TitleSlot[] GarmentSlots(CategorySeed category, string noun, string firstWord)
    {
        var forChildren = noun.Contains("Anak", StringComparison.Ordinal) || noun.Contains("Bayi", StringComparison.Ordinal);
        var slots = new List<TitleSlot>();
        if (noun.Contains("Batik", StringComparison.Ordinal))
        {
            slots.Add(new(50, Motifs));
        }
        else if (IsWovenCloth(category, noun))
        {
            slots.Add(new(50, WovenMotifs));
        }
        else
        {
            slots.Add(new(30, FashionColours));
        }

        slots.Add(new(30, ["Katun", "Rayon", "Linen", "Katun Primisima", "Voal", "Ceruti", "Jersey"]));
        if (SleevedWords.Contains(firstWord))
        {
            slots.Add(new(45, ["Lengan Panjang", "Lengan Pendek"]));
        }

        if (firstWord is "Kemeja" or "Kaos")
        {
            slots.Add(new(15, ["Slim Fit", "Regular Fit", "Oversize"]));
        }

        slots.Add(forChildren
            ? new(55, ["Usia 1-2 Tahun", "Usia 3-5 Tahun", "Usia 6-8 Tahun", "Usia 9-12 Tahun"])
            : new(55, ["Ukuran S", "Ukuran M", "Ukuran L", "Ukuran XL", "Ukuran XXL", "All Size", "Jumbo"]));
        return [.. slots];
    }
}
