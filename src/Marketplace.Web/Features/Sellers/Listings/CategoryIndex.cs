using Marketplace.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Web.Features.Sellers.Listings;

public sealed record CategoryEntry(int Id, int? ParentId, string Slug, string NameId, string NameEn, bool IsLeaf, bool IsRetired, string PathId, string PathEn, string SlugPath)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;

    public string Path(bool indonesian) => indonesian ? PathId : PathEn;
}

/// <summary>A cluster closed to cross-border sales, with the reason its closure gave.</summary>
public sealed record ClosedCluster(string NameId, string NameEn, string Reason)
{
    public string Name(bool indonesian) => indonesian ? NameId : NameEn;
}

/// <summary>A branch of the category tree with the leaves a listing may be placed in, for the category picker.</summary>
public sealed record CategoryGroup(string PathId, string PathEn, IReadOnlyList<CategoryEntry> Leaves)
{
    public string Path(bool indonesian) => indonesian ? PathId : PathEn;
}

/// <summary>
/// The category tree, looked up by code (<c>batik-tulis</c>), by slug path (<c>fesyen-tekstil/kain-tradisional/batik-tulis</c>)
/// by name path in either language (<c>Fesyen &amp; Tekstil &gt; Kain Tradisional &gt; Batik Tulis</c>), or by a leaf's name
/// alone when no other leaf has it.
/// </summary>
public sealed class CategoryIndex
{
    public const string PathSeparator = " > ";

    private readonly Dictionary<string, CategoryEntry> _byKey = new(StringComparer.OrdinalIgnoreCase);

    private CategoryIndex(IReadOnlyList<CategoryEntry> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            _byKey.TryAdd(entry.Slug, entry);
            _byKey.TryAdd(entry.SlugPath, entry);
            _byKey.TryAdd(entry.PathId, entry);
            _byKey.TryAdd(entry.PathEn, entry);
        }

        // A leaf's name alone ("Batik Tulis") when no other live leaf has it; a shared name needs its path.
        var names = entries.Where(e => e.IsLeaf && !e.IsRetired)
            .SelectMany(e => new[] { (Name: e.NameId, Entry: e), (Name: e.NameEn, Entry: e) })
            .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(x => x.Entry.Id).Distinct().Count() == 1);
        foreach (var name in names)
        {
            _byKey.TryAdd(name.Key, name.First().Entry);
        }

        Groups = entries.Where(e => e.IsLeaf && !e.IsRetired)
            .GroupBy(e => e.ParentId)
            .Select(g =>
            {
                var parent = entries.FirstOrDefault(e => e.Id == g.Key);
                return new CategoryGroup(parent?.PathId ?? string.Empty, parent?.PathEn ?? string.Empty, g.OrderBy(e => e.NameId, StringComparer.Ordinal).ToList());
            })
            .OrderBy(g => g.PathId, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<CategoryEntry> Entries { get; }

    public IReadOnlyList<CategoryGroup> Groups { get; }

    public static async Task<CategoryIndex> LoadAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new Row(c.Id, c.ParentId, c.Slug, c.NameId, c.NameEn, c.ClusterId != null, c.IsRetired))
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        List<Row> Lineage(Row row)
        {
            var chain = new List<Row> { row };
            while (chain[0].ParentId is { } parent && byId.TryGetValue(parent, out var up))
            {
                chain.Insert(0, up);
            }

            return chain;
        }

        var entries = rows.Select(r =>
            {
                var lineage = Lineage(r);
                return new CategoryEntry(
                    r.Id,
                    r.ParentId,
                    r.Slug,
                    r.NameId,
                    r.NameEn,
                    r.IsLeaf,
                    r.IsRetired,
                    string.Join(PathSeparator, lineage.Select(x => x.NameId)),
                    string.Join(PathSeparator, lineage.Select(x => x.NameEn)),
                    string.Join('/', lineage.Select(x => x.Slug)));
            })
            .ToList();
        return new CategoryIndex(entries);
    }

    public CategoryEntry? Find(string? codeOrPath)
    {
        if (string.IsNullOrWhiteSpace(codeOrPath))
        {
            return null;
        }

        var key = string.Join(PathSeparator, codeOrPath.Split('>', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return _byKey.GetValueOrDefault(key) ?? _byKey.GetValueOrDefault(key.Replace(" / ", "/", StringComparison.Ordinal));
    }

    public CategoryEntry? ById(int id) => Entries.FirstOrDefault(e => e.Id == id);

    private sealed record Row(int Id, int? ParentId, string Slug, string NameId, string NameEn, bool IsLeaf, bool IsRetired);
}
