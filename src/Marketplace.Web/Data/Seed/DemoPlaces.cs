namespace Marketplace.Web.Data.Seed;

/// <summary>The places demo sellers come from.</summary>
public static class DemoPlaces
{
    /// <summary>Indonesian provinces and some of their cities and regency seats, for local sellers.</summary>
    public static IReadOnlyList<RegionSeed> Provinces { get; } =
    [
        new("Aceh", ["Banda Aceh", "Takengon", "Lhokseumawe"]),
        new("Sumatera Utara", ["Medan", "Pematangsiantar", "Balige"]),
        new("Sumatera Barat", ["Padang", "Bukittinggi", "Payakumbuh"]),
        new("Riau", ["Pekanbaru", "Dumai"]),
        new("Jambi", ["Jambi", "Sungai Penuh"]),
        new("Sumatera Selatan", ["Palembang", "Prabumulih", "Lubuklinggau"]),
        new("Kepulauan Bangka Belitung", ["Pangkal Pinang", "Tanjung Pandan"]),
        new("Lampung", ["Bandar Lampung", "Metro"]),
        new("Banten", ["Serang", "Tangerang", "Cilegon", "Rangkasbitung"]),
        new("DKI Jakarta", ["Jakarta Barat", "Jakarta Pusat", "Jakarta Selatan", "Jakarta Timur", "Jakarta Utara"]),
        new("Jawa Barat", ["Bandung", "Bogor", "Cirebon", "Tasikmalaya", "Garut", "Purwakarta", "Bekasi"]),
        new("Jawa Tengah", ["Semarang", "Surakarta", "Pekalongan", "Jepara", "Kudus", "Klaten"]),
        new("DI Yogyakarta", ["Yogyakarta", "Bantul", "Sleman"]),
        new("Jawa Timur", ["Surabaya", "Malang", "Sidoarjo", "Kediri", "Banyuwangi"]),
        new("Bali", ["Denpasar", "Gianyar", "Klungkung", "Singaraja"]),
        new("Nusa Tenggara Barat", ["Mataram", "Sumbawa Besar", "Bima"]),
        new("Nusa Tenggara Timur", ["Kupang", "Waingapu", "Ende", "Maumere"]),
        new("Kalimantan Barat", ["Pontianak", "Singkawang"]),
        new("Kalimantan Selatan", ["Banjarmasin", "Banjarbaru", "Martapura"]),
        new("Kalimantan Timur", ["Samarinda", "Balikpapan"]),
        new("Sulawesi Utara", ["Manado", "Bitung", "Tomohon"]),
        new("Sulawesi Selatan", ["Makassar", "Parepare", "Palopo", "Sengkang"]),
        new("Maluku", ["Ambon", "Tual"]),
        new("Papua", ["Jayapura", "Biak"]),
    ];

    /// <summary>Countries cross-border sellers ship from, with some states or regions and cities.</summary>
    public static IReadOnlyList<CountrySeed> Countries { get; } =
    [
        new("CN", "Tiongkok", "China",
        [
            new("Guangdong", ["Shenzhen", "Guangzhou", "Dongguan"]),
            new("Zhejiang", ["Yiwu", "Hangzhou", "Ningbo"]),
            new("Fujian", ["Xiamen", "Quanzhou"]),
        ]),
        new("HK", "Hong Kong", "Hong Kong",
        [
            new("Kowloon", ["Mong Kok", "Kwun Tong"]),
            new("Hong Kong Island", ["Central", "Causeway Bay"]),
        ]),
        new("SG", "Singapura", "Singapore",
        [
            new("Central Region", ["Singapore"]),
            new("East Region", ["Tampines"]),
        ]),
        new("MY", "Malaysia", "Malaysia",
        [
            new("Kuala Lumpur", ["Kuala Lumpur"]),
            new("Pulau Pinang", ["George Town", "Butterworth"]),
            new("Johor", ["Johor Bahru"]),
            new("Selangor", ["Shah Alam", "Petaling Jaya"]),
        ]),
        new("TH", "Thailand", "Thailand",
        [
            new("Bangkok", ["Bangkok"]),
            new("Chiang Mai", ["Chiang Mai"]),
        ]),
        new("VN", "Vietnam", "Vietnam",
        [
            new("Ho Chi Minh City", ["Ho Chi Minh City"]),
            new("Hanoi", ["Hanoi"]),
        ]),
        new("KR", "Korea Selatan", "South Korea",
        [
            new("Seoul", ["Seoul"]),
            new("Busan", ["Busan"]),
        ]),
        new("JP", "Jepang", "Japan",
        [
            new("Tokyo", ["Tokyo"]),
            new("Osaka", ["Osaka"]),
        ]),
        new("US", "Amerika Serikat", "United States",
        [
            new("California", ["Los Angeles", "San Jose"]),
            new("New York", ["New York"]),
        ]),
    ];
}
