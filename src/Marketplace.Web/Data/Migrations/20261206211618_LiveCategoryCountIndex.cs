using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LiveCategoryCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_listings_live_category_cover",
                table: "listings",
                column: "category_id",
                filter: "state = 2")
                .Annotation("Npgsql:IndexInclude", new[] { "seller_id", "origin" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_live_category_cover",
                table: "listings");
        }
    }
}
