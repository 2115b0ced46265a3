using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTextUndisguised : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_refolds",
                columns: table => new
                {
                    listing_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_refolds", x => x.listing_id);
                });

            // Search now reads text as the screening does (LexiconText.Undisguise). Every existing listing is queued in one
            // statement and refolded by SearchRefolds.RunAsync in C# right after migrating, so the rules have no SQL copy.
            migrationBuilder.Sql("INSERT INTO search_refolds (listing_id) SELECT id FROM listings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_refolds");
        }
    }
}
