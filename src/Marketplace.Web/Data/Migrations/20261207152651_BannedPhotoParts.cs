using Marketplace.Domain.Listings;
using Marketplace.Domain.Policy;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BannedPhotoParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "banned_photo_parts",
                columns: table => new
                {
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    stored_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    part = table.Column<short>(type: "smallint", nullable: false),
                    hash = table.Column<long>(type: "bigint", nullable: false),
                    band0 = table.Column<int>(type: "integer", nullable: false),
                    band1 = table.Column<int>(type: "integer", nullable: false),
                    band2 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_banned_photo_parts", x => new { x.listing_id, x.hash, x.stored_name, x.part });
                    table.ForeignKey(
                        name: "fk_banned_photo_parts_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_banned_photo_parts_band0",
                table: "banned_photo_parts",
                column: "band0")
                .Annotation("Npgsql:IndexInclude", new[] { "hash", "listing_id" });

            migrationBuilder.CreateIndex(
                name: "ix_banned_photo_parts_band1",
                table: "banned_photo_parts",
                column: "band1")
                .Annotation("Npgsql:IndexInclude", new[] { "hash", "listing_id" });

            migrationBuilder.CreateIndex(
                name: "ix_banned_photo_parts_band2",
                table: "banned_photo_parts",
                column: "band2")
                .Annotation("Npgsql:IndexInclude", new[] { "hash", "listing_id" });

            // The photos of listings refused or taken down for a closed cluster before this table existed.
            migrationBuilder.Sql($"""
                INSERT INTO banned_photo_parts (listing_id, stored_name, part, hash, band0, band1, band2)
                SELECT l.id, f.stored_name, f.part, f.hash, f.band0, f.band1, f.band2
                FROM listings l
                JOIN listing_images i ON i.listing_id = l.id
                JOIN photo_fingerprints f ON f.stored_name = i.stored_name
                WHERE (l.state = {(int)ListingState.Rejected} OR (l.state = {(int)ListingState.Suspended} AND l.suspended_by = {(int)SuspensionSource.Policy}))
                  AND '{ReasonCodes.ClusterBlocked}' = ANY(l.reason_codes)
                ON CONFLICT DO NOTHING
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "banned_photo_parts");
        }
    }
}
