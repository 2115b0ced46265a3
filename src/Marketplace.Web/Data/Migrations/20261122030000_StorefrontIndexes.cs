using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace Marketplace.Web.Data.Migrations;

/// <summary>Storefront search and filters: unstemmed title words for partly typed queries, and indexes for price, TKDN and seller province.</summary>
[DbContext(typeof(MarketplaceDbContext))]
[Migration("20261122030000_StorefrontIndexes")]
public sealed class StorefrontIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<NpgsqlTsVector>(
            name: "title_words",
            table: "listings",
            type: "tsvector",
            nullable: true,
            computedColumnSql: "to_tsvector('simple', coalesce(title, ''))",
            stored: true);

        migrationBuilder.CreateIndex(
            name: "ix_listings_title_words",
            table: "listings",
            column: "title_words")
            .Annotation("Npgsql:IndexMethod", "gin");

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_price",
            table: "listings",
            columns: new[] { "price_idr", "id" },
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_tkdn",
            table: "listings",
            column: "tkdn_percent",
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_sellers_province",
            table: "sellers",
            column: "province");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_sellers_province", table: "sellers");
        migrationBuilder.DropIndex(name: "ix_listings_live_tkdn", table: "listings");
        migrationBuilder.DropIndex(name: "ix_listings_live_price", table: "listings");
        migrationBuilder.DropIndex(name: "ix_listings_title_words", table: "listings");
        migrationBuilder.DropColumn(name: "title_words", table: "listings");
    }
}
