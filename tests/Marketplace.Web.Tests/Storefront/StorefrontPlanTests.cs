using System.Data.Common;
using System.Text.RegularExpressions;
using Marketplace.Domain.Listings;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Storefront;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplace.Web.Tests.Storefront;

/// <summary>
/// Every statement a storefront page sends, explained on 60,000 analysed listings with a catalogue's proportions (a word
/// matches a few percent, a leaf holds a fraction of a percent, descriptions of realistic length): none may read the listings
/// table from end to end. A plan that regresses to a sequential scan (a lost index, a predicate the index cannot serve) fails here.
/// </summary>
public sealed partial class StorefrontPlanTests(StorefrontPlanTests.Fixture fixture) : IClassFixture<StorefrontPlanTests.Fixture>
{
    public static TheoryData<string> PageNames => new() { "home", "search", "search-filtered", "search-partial", "search-by-price", "branch", "leaf", "product", "shop", "suggest" };

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task Storefront_statements_use_indexes_not_a_sequential_scan_of_listings(string page)
    {
        var onListings = await StatementsOnListingsAsync(page);
        await using var connection = new NpgsqlConnection(fixture.App.ConnectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in onListings)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
            explain.Parameters.AddRange(parameters);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            plan.Should().NotContain(line => line.Contains("Seq Scan on listings", StringComparison.Ordinal), "{0}\nwas planned as\n{1}", sql, string.Join('\n', plan));
        }
    }

    /// <remarks>
    /// With a parameter for LIMIT or OFFSET PostgreSQL never settles on a generic plan for a prepared statement (it cannot
    /// estimate how many rows the generic plan returns), so it plans the statement again on every execution: about 1 ms of the
    /// database's time per statement at a million listings, more than running it. A branch's categories as an array parameter
    /// do the same, at about 2 ms.
    /// </remarks>
    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task Storefront_statements_carry_page_sizes_and_categories_as_literals_so_PostgreSQL_can_keep_one_plan(string page)
    {
        var onListings = await StatementsOnListingsAsync(page);

        onListings.Select(s => s.Sql).Should().NotContain(
            sql => PlannedOnEveryExecution().IsMatch(sql), "a LIMIT, OFFSET or set of categories sent as a parameter makes PostgreSQL plan the statement on every execution");
    }

    [GeneratedRegex(@"\b(LIMIT|OFFSET)\s+[@$]|category_id = ANY \(?[@$]")]
    private static partial Regex PlannedOnEveryExecution();

    private async Task<List<(string Sql, NpgsqlParameter[] Parameters)>> StatementsOnListingsAsync(string page)
    {
        var recorder = new StatementRecorder();
        // The site's own model, so its compiled queries run on this context too; plus a recorder of what is sent.
        using var scope = fixture.App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>().Model;
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>().UseModel(model).UseNpgsql(fixture.App.ConnectionString).AddInterceptors(recorder).Options;
        await using var db = new MarketplaceDbContext(options);
        var clock = TimeProvider.System;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:RankingSeconds"] = "0" }).Build();
        var reads = new StorefrontReads(db, scope.ServiceProvider.GetRequiredService<ReadReplicas>(), new HttpContextAccessor(), NullLogger<StorefrontReads>.Instance);
        var catalogue = new CatalogReader(reads);
        var search = new ListingSearch(reads, new SearchRankingCache(db, configuration), scope.ServiceProvider.GetRequiredService<SearchRanker>(), clock);
        var none = CancellationToken.None;

        switch (page)
        {
            case "home": await new HomePage(reads, clock).ReadAsync(none); break;
            case "search": await search.FindAsync(new ListingQuery { Text = "batik" }, ShelfScope.Everywhere, none); break;
            case "search-filtered": await search.FindAsync(new ListingQuery { Text = "kopi gayo", Origin = OriginFilter.Local, InStockOnly = true }, ShelfScope.Everywhere, none); break;
            case "search-partial": await search.FindAsync(new ListingQuery { Text = "kerip" }, ShelfScope.Everywhere, none); break;
            case "search-by-price": await search.FindAsync(new ListingQuery { Text = "kain", Sort = ListingSort.PriceLow, Page = 3 }, ShelfScope.Everywhere, none); break;
            case "branch": await new CategoryPage(catalogue, search).ReadAsync("kain-tradisional", new ListingQuery(), none); break;
            case "leaf": await new CategoryPage(catalogue, search).ReadAsync("batik-tulis", new ListingQuery(), none); break;
            case "product": await new ProductPage(reads, catalogue, clock).ReadAsync(fixture.Product, none); break;
            case "shop": await new ShopPage(reads, search).ReadAsync("toko-rencana", new ListingQuery(), none); break;
            default: await new SearchVocabulary(db, catalogue, clock).SuggestAsync("bat", none); break;
        }

        var onListings = recorder.Statements.Where(s => s.Sql.Contains("FROM listings", StringComparison.Ordinal)).ToList();
        onListings.Should().NotBeEmpty();
        return onListings;
    }

    private sealed class StatementRecorder : DbCommandInterceptor
    {
        public List<(string Sql, NpgsqlParameter[] Parameters)> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
            {
                Statements.Add((command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
            }
        }
    }

    public sealed class Fixture : AppFixture
    {
        public long Product { get; private set; }

        protected override async Task SeedAsync(MarketplaceApp app)
        {
            var data = new StorefrontData(app);
            await data.SellerAsync("toko-rencana", "Toko Rencana", "Jawa Tengah", "Surakarta");
            for (var i = 0; i < 40; i++)
            {
                await data.SellerAsync($"toko-lain-{i}", $"Toko Lain {i}", "Jawa Barat", "Bandung");
            }

            Product = await data.ListingAsync(await data.WithDbAsync(db => db.Sellers.Where(s => s.Slug == "toko-rencana").Select(s => s.Id).SingleAsync()),
                "batik-tulis", "Batik Tulis Rencana", 500_000);
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var load = new NpgsqlCommand(
                $"""
                WITH words(title) AS (VALUES ('Kemeja Batik Tulis Parang'), ('Kopi Arabika Gayo'), ('Keripik Singkong Pedas'),
                                             ('Kain Tenun Ikat'), ('Sepatu Kulit Pantofel'), ('Tas Anyaman Pandan'), ('Madu Hutan Sumbawa'),
                                             ('Gelang Perak Kotagede')),
                     leaves AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM categories WHERE cluster_id IS NOT NULL),
                     shops AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM sellers)
                INSERT INTO listings (seller_id, category_id, sku, title, description, search_title, search_description, price_idr, stock, origin,
                                      tkdn_percent, state, state_changed_at, published_at, reason_codes, misclassification_cleared, created_at, updated_at, version, weight_grams)
                SELECT s.id, c.id, 'P-' || g, w.title, repeat('Barang pilihan berkualitas untuk kebutuhan sehari hari. ', 12),
                       lower(w.title), lower(repeat('Barang pilihan berkualitas untuk kebutuhan sehari hari. ', 12)),
                       10000 + g * 7 % 900000, g % 20, {(int)ProductOrigin.Local}, CASE WHEN g % 3 = 0 THEN g % 100 END,
                       {(int)ListingState.Published}, now(), now() - g * interval '1 minute', ARRAY[]::text[], false, now(), now(), 1, 250 + g % 2000
                FROM generate_series(1, 60000) g
                JOIN LATERAL (SELECT CASE WHEN g % 25 = 0 THEN (SELECT title FROM words OFFSET g / 25 % 8 LIMIT 1)
                                          ELSE 'Barang Umum Nomor ' || g END AS title) w ON true
                JOIN leaves c ON c.n = 1 + g % c.total
                JOIN shops s ON s.n = 1 + g % s.total;
                ANALYZE;
                """,
                connection)
            { CommandTimeout = 0 };
            await load.ExecuteNonQueryAsync();
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SearchVocabulary>().RefreshAsync(CancellationToken.None);
        }
    }
}
