using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Marketplace.Web.Data.Migrations;

/// <summary>The seller portal: shop contact details, order-line history, API tokens and their per-minute usage, CSV imports and their problems.</summary>
[DbContext(typeof(MarketplaceDbContext))]
[Migration("20261122040000_SellerPortal")]
public sealed class SellerPortal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "contact_email", table: "sellers", type: "character varying(254)", maxLength: 254, nullable: true);
        migrationBuilder.AddColumn<string>(name: "contact_phone", table: "sellers", type: "character varying(20)", maxLength: 20, nullable: true);

        migrationBuilder.CreateTable(
            name: "order_line_events",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                order_line_id = table.Column<long>(type: "bigint", nullable: false),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                from = table.Column<int>(type: "integer", nullable: false),
                to = table.Column<int>(type: "integer", nullable: false),
                tracking_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_line_events", x => x.id);
                table.ForeignKey(
                    name: "fk_order_line_events_order_lines_order_line_id",
                    column: x => x.order_line_id,
                    principalTable: "order_lines",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_order_line_events_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "seller_api_tokens",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                hint = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                can_write = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_seller_api_tokens", x => x.id);
                table.ForeignKey(
                    name: "fk_seller_api_tokens_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "seller_api_usage",
            columns: table => new
            {
                token_id = table.Column<int>(type: "integer", nullable: false),
                window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                requests = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_seller_api_usage", x => new { x.token_id, x.window_start });
                table.ForeignKey(
                    name: "fk_seller_api_usage_seller_api_tokens_token_id",
                    column: x => x.token_id,
                    principalTable: "seller_api_tokens",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "listing_imports",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                content = table.Column<byte[]>(type: "bytea", nullable: false),
                actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                status = table.Column<int>(type: "integer", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                attempts = table.Column<int>(type: "integer", nullable: false),
                total_rows = table.Column<int>(type: "integer", nullable: false),
                checked_rows = table.Column<int>(type: "integer", nullable: false),
                created_count = table.Column<int>(type: "integer", nullable: false),
                updated_count = table.Column<int>(type: "integer", nullable: false),
                unchanged_count = table.Column<int>(type: "integer", nullable: false),
                invalid_count = table.Column<int>(type: "integer", nullable: false),
                published_count = table.Column<int>(type: "integer", nullable: false),
                not_published_count = table.Column<int>(type: "integer", nullable: false),
                failure_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_listing_imports", x => x.id);
                table.ForeignKey(
                    name: "fk_listing_imports_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "listing_import_problems",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                import_id = table.Column<long>(type: "bigint", nullable: false),
                row_number = table.Column<int>(type: "integer", nullable: false),
                column = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                problem_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_listing_import_problems", x => x.id);
                table.ForeignKey(
                    name: "fk_listing_import_problems_listing_imports_import_id",
                    column: x => x.import_id,
                    principalTable: "listing_imports",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "ix_order_line_events_order_line_id_at", table: "order_line_events", columns: ["order_line_id", "at"]);
        migrationBuilder.CreateIndex(name: "ix_order_line_events_seller_id", table: "order_line_events", column: "seller_id");
        migrationBuilder.CreateIndex(name: "ix_seller_api_tokens_hash", table: "seller_api_tokens", column: "hash", unique: true);
        migrationBuilder.CreateIndex(name: "ix_seller_api_tokens_seller_id", table: "seller_api_tokens", column: "seller_id");
        migrationBuilder.CreateIndex(name: "ix_listing_imports_seller_id_created_at", table: "listing_imports", columns: ["seller_id", "created_at"]);
        migrationBuilder.CreateIndex(name: "ix_listing_imports_status_id", table: "listing_imports", columns: ["status", "id"]);
        migrationBuilder.CreateIndex(name: "ix_listing_import_problems_import_id_row_number", table: "listing_import_problems", columns: ["import_id", "row_number"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "listing_import_problems");
        migrationBuilder.DropTable(name: "listing_imports");
        migrationBuilder.DropTable(name: "seller_api_usage");
        migrationBuilder.DropTable(name: "seller_api_tokens");
        migrationBuilder.DropTable(name: "order_line_events");
        migrationBuilder.DropColumn(name: "contact_phone", table: "sellers");
        migrationBuilder.DropColumn(name: "contact_email", table: "sellers");
    }
}
