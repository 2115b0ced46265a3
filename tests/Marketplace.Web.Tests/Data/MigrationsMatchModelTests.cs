using Marketplace.Web.Data;
using Marketplace.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Web.Tests.Data;

/// <summary>
/// The migrations must build exactly the schema the model describes: one database is migrated, another created from
/// the model, and PostgreSQL's catalog of both is compared. The second guard beside EF's own snapshot comparison.
/// </summary>
public sealed class MigrationsMatchModelTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_created_from_the_model()
    {
        var migrated = await TestPostgres.CreateEmptyDatabaseAsync("migrated");
        var created = await TestPostgres.CreateEmptyDatabaseAsync("created");
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = Context(created))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await SchemaCatalog.ReadAsync(migrated);
        var fromModel = await SchemaCatalog.ReadAsync(created);

        fromMigrations.Should().NotBeEmpty();
        var onlyInMigrations = fromMigrations.Except(fromModel).ToList();
        var onlyInModel = fromModel.Except(fromMigrations).ToList();
        var differences = onlyInMigrations.Select(d => "only in the migrations: " + d)
            .Concat(onlyInModel.Select(d => "only in the model:      " + d))
            .ToList();
        differences.Should().BeEmpty("the migrations must build exactly the schema of the model");
    }

    [Fact]
    public async Task Every_migration_is_applied_and_none_is_pending()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync("applied");
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().Equal(db.Database.GetMigrations());
    }

    [Fact]
    public async Task The_model_snapshot_holds_every_change_of_the_model()
    {
        await using var db = Context(await TestPostgres.CreateEmptyDatabaseAsync("snapshot"));

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs `dotnet ef migrations add`");
    }

    private static MarketplaceDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<MarketplaceDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsHistoryTable("ef_migrations_history"))
            .Options);
}

/// <summary>The schema as PostgreSQL's catalog describes it, one line per table, column, index and constraint.</summary>
internal static class SchemaCatalog
{
    private const string Query = """
        SELECT 'table ' || c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'ef_migrations_history'
        UNION ALL
        SELECT format('column %s.%s %s nullable=%s default=%s generated=%s identity=%s',
                      c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod), c.is_nullable,
                      coalesce(c.column_default, '-'), coalesce(c.generation_expression, '-'), coalesce(c.identity_generation, '-'))
        FROM information_schema.columns c
        JOIN pg_class t ON t.relname = c.table_name
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = c.column_name
        WHERE c.table_schema = 'public' AND c.table_name <> 'ef_migrations_history'
        UNION ALL
        SELECT 'index ' || indexname || ': ' || indexdef
        FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'ef_migrations_history'
        UNION ALL
        SELECT format('constraint %s.%s %s: %s', t.relname, con.conname, con.contype, pg_get_constraintdef(con.oid))
        FROM pg_constraint con
        JOIN pg_class t ON t.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> 'ef_migrations_history'
          AND con.contype <> 't' -- constraint triggers (the ledger's balance check) live in migrations only; LedgerBooksTests checks them
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines.Order(StringComparer.Ordinal).ToList();
    }
}
