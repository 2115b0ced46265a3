using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StorefrontAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_live_tkdn",
                table: "listings");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "search_description",
                table: "listings",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "search_title",
                table: "listings",
                type: "text",
                nullable: false,
                defaultValue: "",
                collation: "C");

            // Rows written before this migration: the SQL form of SearchText.Fold without the accent folding; every later write
            // goes through the C# function.
            migrationBuilder.Sql("""
                UPDATE listings
                SET search_title = btrim(regexp_replace(lower(title), '[^[:alnum:]]+', ' ', 'g')),
                    search_description = btrim(regexp_replace(lower(description), '[^[:alnum:]]+', ' ', 'g'))
                """);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "title_words",
                table: "listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', search_title)",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', coalesce(title, ''))",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('indonesian', search_title), 'A') || setweight(to_tsvector('indonesian', search_description), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(description, '')), 'B')",
                oldStored: true);

            migrationBuilder.CreateTable(
                name: "search_rankings",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    listing_ids = table.Column<long[]>(type: "bigint[]", nullable: false),
                    ranked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_rankings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "search_words",
                columns: table => new
                {
                    word = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    listings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_words", x => x.word);
                });

            // A cache of a few seconds: not worth WAL, and lost on a crash without harm.
            migrationBuilder.Sql("ALTER TABLE search_rankings SET UNLOGGED");

            migrationBuilder.CreateIndex(
                name: "ix_listings_live_search_title",
                table: "listings",
                column: "search_title",
                filter: "state = 2");

            migrationBuilder.CreateIndex(
                name: "ix_listings_live_tkdn",
                table: "listings",
                columns: new[] { "tkdn_percent", "id" },
                descending: new bool[0],
                filter: "state = 2");

            migrationBuilder.CreateIndex(
                name: "ix_search_words_trigram",
                table: "search_words",
                column: "word")
                .Annotation("Npgsql:IndexMethod", "gist")
                .Annotation("Npgsql:IndexOperators", new[] { "gist_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_rankings");

            migrationBuilder.DropTable(
                name: "search_words");

            migrationBuilder.DropIndex(
                name: "ix_listings_live_search_title",
                table: "listings");

            migrationBuilder.DropIndex(
                name: "ix_listings_live_tkdn",
                table: "listings");

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "title_words",
                table: "listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', coalesce(title, ''))",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "to_tsvector('simple', search_title)",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "listings",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(description, '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector('indonesian', search_title), 'A') || setweight(to_tsvector('indonesian', search_description), 'B')",
                oldStored: true);

            migrationBuilder.DropColumn(
                name: "search_description",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "search_title",
                table: "listings");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_listings_live_tkdn",
                table: "listings",
                column: "tkdn_percent",
                filter: "state = 2");
        }
    }
}
