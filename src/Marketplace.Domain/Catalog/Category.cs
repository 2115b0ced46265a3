namespace Marketplace.Domain.Catalog;

/// <summary>A node of the shop's category tree. Only leaves carry listings, and each leaf belongs to exactly one cluster.</summary>
public sealed class Category
{
    private List<int> _hsChapters = [];

    private Category()
    {
        Slug = string.Empty;
        NameId = string.Empty;
        NameEn = string.Empty;
    }

    private Category(string slug, string nameId, string nameEn, int? parentId, int? clusterId, IEnumerable<int> hsChapters)
    {
        Slug = CategorySlug.Normalize(slug);
        NameId = Required(nameId, nameof(nameId));
        NameEn = Required(nameEn, nameof(nameEn));
        ParentId = parentId;
        ClusterId = clusterId;
        _hsChapters = ValidChapters(hsChapters);
    }

    public int Id { get; private set; }

    public int? ParentId { get; private set; }

    /// <summary>Unique code of the category, used in URLs and CSV uploads, such as <c>batik-tulis</c>.</summary>
    public string Slug { get; private set; }

    public string NameId { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>The cluster of a leaf; null for a branch.</summary>
    public int? ClusterId { get; private set; }

    public bool IsLeaf => ClusterId.HasValue;

    public bool IsRetired { get; private set; }

    /// <summary>Harmonized System chapters (1 to 97) of the goods in this category.</summary>
    public IReadOnlyList<int> HsChapters => _hsChapters;

    public uint Version { get; private set; }

    public static Category Branch(string slug, string nameId, string nameEn, int? parentId = null) =>
        new(slug, nameId, nameEn, parentId, null, []);

    public static Category Leaf(string slug, string nameId, string nameEn, int? parentId, int clusterId, IEnumerable<int> hsChapters) =>
        new(slug, nameId, nameEn, parentId, clusterId, hsChapters);

    public string Name(bool indonesian) => indonesian ? NameId : NameEn;

    public void Rename(string nameId, string nameEn)
    {
        NameId = Required(nameId, nameof(nameId));
        NameEn = Required(nameEn, nameof(nameEn));
    }

    /// <summary>Moves a leaf to another cluster. The caller re-decides the category's listings in the same transaction.</summary>
    public void MoveToCluster(int clusterId)
    {
        if (!IsLeaf)
        {
            throw new DomainException("category.not_leaf", "Only a leaf category belongs to a cluster.");
        }

        ClusterId = clusterId;
    }

    public void SetHsChapters(IEnumerable<int> chapters) => _hsChapters = ValidChapters(chapters);

    /// <summary>A retired category takes no new listings; its listings stay where they are.</summary>
    public void Retire() => IsRetired = true;

    private static List<int> ValidChapters(IEnumerable<int> chapters)
    {
        var list = chapters.Distinct().Order().ToList();
        if (list.Any(c => c is < 1 or > 97))
        {
            throw new DomainException("category.hs_chapter_invalid", "HS chapters run from 1 to 97.");
        }

        return list;
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DomainException("category.name_required", $"{name} is required.")
            : value.Trim();
}
