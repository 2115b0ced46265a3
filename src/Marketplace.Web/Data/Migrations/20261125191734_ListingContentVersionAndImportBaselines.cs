using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingContentVersionAndImportBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "listings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "skipped_count",
                table: "listing_imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The defaults only fill the rows that exist now; the model has none.
            migrationBuilder.Sql("ALTER TABLE listings ALTER COLUMN version DROP DEFAULT; ALTER TABLE listing_imports ALTER COLUMN skipped_count DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "listing_import_baselines",
                columns: table => new
                {
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listing_import_baselines", x => new { x.import_id, x.listing_id });
                    table.ForeignKey(
                        name: "fk_listing_import_baselines_listing_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "listing_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_listing_import_baselines_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listing_import_baselines_listing_id",
                table: "listing_import_baselines",
                column: "listing_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listing_import_baselines");

            migrationBuilder.DropColumn(
                name: "version",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "skipped_count",
                table: "listing_imports");
        }
    }
}
