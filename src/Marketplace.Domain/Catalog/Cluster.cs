namespace Marketplace.Domain.Catalog;

/// <summary>An industrial cluster the listing policy acts on, such as textiles and fashion.</summary>
public sealed class Cluster
{
    private Cluster()
    {
        Code = string.Empty;
        NameId = string.Empty;
        NameEn = string.Empty;
    }

    public Cluster(string code, string nameId, string nameEn)
    {
        Code = ClusterCodes.Normalize(code);
        NameId = Required(nameId, nameof(nameId));
        NameEn = Required(nameEn, nameof(nameEn));
    }

    public int Id { get; private set; }

    /// <summary>Stable code used in reasons and URLs, such as <c>TEXTILE</c>.</summary>
    public string Code { get; private set; }

    public string NameId { get; private set; }

    public string NameEn { get; private set; }

    public uint Version { get; private set; }

    public string Name(bool indonesian) => indonesian ? NameId : NameEn;

    public void Rename(string nameId, string nameEn)
    {
        NameId = Required(nameId, nameof(nameId));
        NameEn = Required(nameEn, nameof(nameEn));
    }

    private static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DomainException("cluster.name_required", $"{name} is required.")
            : value.Trim();
}
