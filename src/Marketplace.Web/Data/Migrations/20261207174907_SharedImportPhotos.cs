using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedImportPhotos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listing_images_stored_name",
                table: "listing_images");

            migrationBuilder.CreateIndex(
                name: "ix_listing_images_stored_name",
                table: "listing_images",
                column: "stored_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listing_images_stored_name",
                table: "listing_images");

            migrationBuilder.CreateIndex(
                name: "ix_listing_images_stored_name",
                table: "listing_images",
                column: "stored_name",
                unique: true);
        }
    }
}
