using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Sellers;
using Marketplace.Web.Features.Storefront;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// The floor of the storefront benchmark: minimal hand-written Npgsql pages with the same content as the site's pages (cards,
/// count, product, home shelves), one round trip each, from the same database in the same run. No EF, no Razor, no caching.
/// </summary>
internal static class StorefrontFloor
{
    private const int PageSize = 24;
    private const int CountLimit = 1000;

    private static readonly string Visible = $"""
        FROM listings l JOIN sellers s ON s.id = l.seller_id JOIN categories c ON c.id = l.category_id
        WHERE l.state = {(int)ListingState.Published} AND s.status = {(int)SellerStatus.Active}
          AND NOT ((s.origin = {(int)SellerOrigin.CrossBorder} OR l.origin = {(int)ProductOrigin.Imported})
                   AND EXISTS (SELECT 1 FROM cluster_blocks b WHERE b.cluster_id = c.cluster_id AND b.starts_at <= now() AND (b.lifted_at IS NULL OR b.lifted_at > now())))
        """;

    private static readonly string CardColumns = $"""
        l.id, l.title, l.price_idr, l.stock, l.tkdn_percent, (s.origin = {(int)SellerOrigin.CrossBorder} OR l.origin = {(int)ProductOrigin.Imported}),
        s.store_name, s.slug, s.city, s.country_code
        """;

    public static async Task RunAsync(string connectionString, string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        await using var data = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 8,
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString).Build();
        var tree = await ReadTreeAsync(data);
        var app = builder.Build();
        app.MapGet("/floor/home", () => HomeAsync(data));
        app.MapGet("/floor/p/{id:long}", (long id) => ProductAsync(data, id));
        app.MapGet("/floor/list", (HttpRequest request) => ListAsync(data, tree, request.Query));
        app.MapGet("/floor/pick", () => PickAsync(data, tree));
        await app.RunAsync();
    }

    private static async Task<IResult> HomeAsync(NpgsqlDataSource data)
    {
        await using var batch = data.CreateBatch();
        batch.BatchCommands.Add(new("""
            SELECT k.name_id, EXISTS (SELECT 1 FROM cluster_blocks b WHERE b.cluster_id = k.id AND b.starts_at <= now() AND (b.lifted_at IS NULL OR b.lifted_at > now()))
            FROM clusters k ORDER BY k.id
            """));
        batch.BatchCommands.Add(new("SELECT slug, name_id FROM categories WHERE cluster_id IS NOT NULL AND NOT is_retired ORDER BY name_id"));
        batch.BatchCommands.Add(new(Cards($"{Visible} ORDER BY l.published_at DESC, l.id DESC LIMIT 12")));
        batch.BatchCommands.Add(new(Cards($"""
            {Visible} AND s.origin = {(int)SellerOrigin.Local} AND l.origin = {(int)ProductOrigin.Local} AND l.tkdn_percent IS NOT NULL
            ORDER BY l.tkdn_percent DESC, l.id DESC LIMIT 12
            """)));
        var html = new StringBuilder("<!doctype html><html><body>");
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            html.Append("<h2>").Append(Encode(reader.GetString(0))).Append(reader.GetBoolean(1) ? " (closed)" : string.Empty).Append("</h2>");
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            html.Append("<a href=\"/c/").Append(Encode(reader.GetString(0))).Append("\">").Append(Encode(reader.GetString(1))).Append("</a>");
        }

        await reader.NextResultAsync();
        await AppendCardsAsync(reader, html);
        await reader.NextResultAsync();
        await AppendCardsAsync(reader, html);
        return Html(html);
    }

    private static async Task<IResult> ProductAsync(NpgsqlDataSource data, long id)
    {
        await using var batch = data.CreateBatch();
        var product = new NpgsqlBatchCommand($"""
            SELECT l.id, l.title, l.description, l.price_idr, l.stock, l.tkdn_percent, s.store_name, s.slug, s.city, s.province, l.category_id,
                   ARRAY(SELECT i.stored_name FROM listing_images i WHERE i.listing_id = l.id ORDER BY i.position)
            {Visible} AND l.id = $1
            """);
        product.Parameters.Add(new() { Value = id });
        batch.BatchCommands.Add(product);
        var related = new NpgsqlBatchCommand(Cards($"""
            {Visible} AND l.category_id = (SELECT category_id FROM listings WHERE id = $1) AND l.id <> $1
            ORDER BY l.published_at DESC, l.id DESC LIMIT 6
            """));
        related.Parameters.Add(new() { Value = id });
        batch.BatchCommands.Add(related);
        var path = new NpgsqlBatchCommand("""
            WITH RECURSIVE up AS (SELECT c.id, c.parent_id, c.slug, c.name_id, 0 AS depth FROM categories c WHERE c.id = (SELECT category_id FROM listings WHERE id = $1)
                                  UNION ALL SELECT p.id, p.parent_id, p.slug, p.name_id, up.depth + 1 FROM categories p JOIN up ON p.id = up.parent_id)
            SELECT slug, name_id FROM up ORDER BY depth DESC
            """);
        path.Parameters.Add(new() { Value = id });
        batch.BatchCommands.Add(path);
        var html = new StringBuilder("<!doctype html><html><body>");
        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return Results.NotFound();
        }

        html.Append("<h1>").Append(Encode(reader.GetString(1))).Append("</h1><p>").Append(Encode(reader.GetString(2))).Append("</p><p>")
            .Append(reader.GetInt64(3).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Encode(reader.GetString(6))).Append(' ')
            .Append(Encode(reader.GetString(8))).Append("</p>");
        foreach (var image in reader.GetFieldValue<string[]>(11))
        {
            html.Append("<img src=\"/images/").Append(Encode(image)).Append("\">");
        }

        await reader.NextResultAsync();
        await AppendCardsAsync(reader, html);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            html.Append("<a href=\"/c/").Append(Encode(reader.GetString(0))).Append("\">").Append(Encode(reader.GetString(1))).Append("</a>");
        }

        return Html(html);
    }

    /// <summary>A search, category or shop page: 24 cards in the asked order and the count up to 1,001, in one batch.</summary>
    private static async Task<IResult> ListAsync(NpgsqlDataSource data, Dictionary<string, List<int>> tree, IQueryCollection url)
    {
        var where = new StringBuilder(Visible);
        var parameters = new List<object>();
        string P(object value)
        {
            parameters.Add(value);
            return "$" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        }

        var terms = SearchTerms.Parse(url["q"]);
        foreach (var term in terms.PrefixTerms)
        {
            var p = P(term);
            where.Append($" AND (l.search_vector @@ to_tsquery('indonesian', {p}) OR l.title_words @@ to_tsquery('simple', {p}))");
        }

        if (url["origin"] == "local")
        {
            where.Append($" AND s.origin = {(int)SellerOrigin.Local} AND l.origin = {(int)ProductOrigin.Local}");
        }

        if (url["stock"] == "1")
        {
            where.Append(" AND l.stock > 0");
        }

        if (url["cat"].ToString() is { Length: > 0 } slug)
        {
            var ids = tree[slug];
            where.Append(ids.Count == 1 ? $" AND l.category_id = {P(ids[0])}" : $" AND l.category_id = ANY({P(ids.ToArray())})");
        }

        if (url["shop"].ToString() is { Length: > 0 } shop)
        {
            where.Append($" AND l.seller_id = (SELECT id FROM sellers WHERE slug = {P(shop)})");
        }

        var any = terms.IsEmpty ? null : P(terms.AnyWord);
        var order = url["sort"].ToString() switch
        {
            "price-asc" => "l.price_idr, l.id",
            "newest" => "l.published_at DESC, l.id DESC",
            _ when any is not null => $"""
                ts_rank(l.search_vector, to_tsquery('indonesian', {any}), 1) + ts_rank(l.title_words, to_tsquery('simple', {any}), 1) DESC,
                l.published_at DESC, l.id DESC
                """,
            _ => "l.published_at DESC, l.id DESC",
        };
        var page = int.TryParse(url["page"], CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;

        await using var batch = data.CreateBatch();
        var cards = new NpgsqlBatchCommand(Cards($"{where} ORDER BY {order} LIMIT {PageSize} OFFSET {(page - 1) * PageSize}"));
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM (SELECT 1 {where} LIMIT {CountLimit + 1}) m");
        foreach (var value in parameters)
        {
            cards.Parameters.Add(new() { Value = value });
            count.Parameters.Add(new() { Value = value });
        }

        batch.BatchCommands.Add(cards);
        batch.BatchCommands.Add(count);
        var html = new StringBuilder("<!doctype html><html><body>");
        await using var reader = await batch.ExecuteReaderAsync();
        await AppendCardsAsync(reader, html);
        await reader.NextResultAsync();
        await reader.ReadAsync();
        html.Append("<p>").Append(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)).Append("</p>");
        return Html(html);
    }

    /// <summary>The pages the script measures: a visible product, a big shop, a big category branch and a big leaf.</summary>
    private static async Task<string> PickAsync(NpgsqlDataSource data, Dictionary<string, List<int>> tree)
    {
        await using var command = data.CreateCommand($"""
            SELECT (SELECT l.id {Visible} ORDER BY l.published_at DESC LIMIT 1),
                   (SELECT s.slug FROM sellers s JOIN listings l ON l.seller_id = s.id WHERE s.status = {(int)SellerStatus.Active} AND s.origin = {(int)SellerOrigin.Local}
                    GROUP BY s.slug ORDER BY count(*) DESC LIMIT 1),
                   (SELECT c.slug FROM categories c JOIN listings l ON l.category_id = c.id GROUP BY c.slug ORDER BY count(*) DESC LIMIT 1)
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var branch = tree.Where(t => t.Value.Count > 1).OrderByDescending(t => t.Value.Count).First().Key;
        return FormattableString.Invariant($"{reader.GetInt64(0)} {reader.GetString(1)} {branch} {reader.GetString(2)}");
    }

    private static async Task<Dictionary<string, List<int>>> ReadTreeAsync(NpgsqlDataSource data)
    {
        var nodes = new List<(int Id, int? Parent, string Slug)>();
        await using (var command = data.CreateCommand("SELECT id, parent_id, slug FROM categories"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                nodes.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetString(2)));
            }
        }

        List<int> Subtree(int id) => [id, .. nodes.Where(n => n.Parent == id).SelectMany(n => Subtree(n.Id))];
        return nodes.ToDictionary(n => n.Slug, n => Subtree(n.Id), StringComparer.Ordinal);
    }

    private static string Cards(string fromWhereOrder) => $"""
        SELECT p.*, (SELECT i.stored_name FROM listing_images i WHERE i.listing_id = p.id ORDER BY i.position LIMIT 1)
        FROM (SELECT {CardColumns} {fromWhereOrder}) p
        """;

    private static async Task AppendCardsAsync(NpgsqlDataReader reader, StringBuilder html)
    {
        while (await reader.ReadAsync())
        {
            html.Append("<article><a href=\"/p/").Append(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(Encode(reader.GetString(1))).Append("</a> Rp").Append(reader.GetInt64(2).ToString(CultureInfo.InvariantCulture))
                .Append(reader.GetBoolean(5) ? " impor " : " lokal ").Append(Encode(reader.GetString(6))).Append(' ').Append(Encode(reader.GetString(8)))
                .Append(reader.IsDBNull(10) ? string.Empty : "<img src=\"/images/" + Encode(reader.GetString(10)) + "\">").Append("</article>");
        }
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Html(StringBuilder html) => Results.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
}
