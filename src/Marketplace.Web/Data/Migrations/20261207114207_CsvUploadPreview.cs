using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CsvUploadPreview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                table: "listing_imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "suspends_shop",
                table: "listing_imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The default only fills the rows already there; the model has none (MigrationsMatchModelTests).
            migrationBuilder.Sql("ALTER TABLE listing_imports ALTER COLUMN suspends_shop DROP DEFAULT");

            migrationBuilder.CreateTable(
                name: "listing_import_rows",
                columns: table => new
                {
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    variant_count = table.Column<int>(type: "integer", nullable: false),
                    sku = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    reason_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reason_id = table.Column<string>(type: "text", nullable: true),
                    reason_en = table.Column<string>(type: "text", nullable: true),
                    earns_strike = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listing_import_rows", x => new { x.import_id, x.row_number });
                    table.ForeignKey(
                        name: "fk_listing_import_rows_listing_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "listing_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listing_import_rows");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "listing_imports");

            migrationBuilder.DropColumn(
                name: "suspends_shop",
                table: "listing_imports");
        }
    }
}
