using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PhotoFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "photo_fingerprints",
                columns: table => new
                {
                    stored_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    part = table.Column<short>(type: "smallint", nullable: false),
                    hash = table.Column<long>(type: "bigint", nullable: false),
                    band0 = table.Column<int>(type: "integer", nullable: false),
                    band1 = table.Column<int>(type: "integer", nullable: false),
                    band2 = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photo_fingerprints", x => new { x.stored_name, x.part });
                });

            migrationBuilder.CreateIndex(
                name: "ix_photo_fingerprints_band0",
                table: "photo_fingerprints",
                column: "band0")
                .Annotation("Npgsql:IndexInclude", new[] { "hash" });

            migrationBuilder.CreateIndex(
                name: "ix_photo_fingerprints_band1",
                table: "photo_fingerprints",
                column: "band1")
                .Annotation("Npgsql:IndexInclude", new[] { "hash" });

            migrationBuilder.CreateIndex(
                name: "ix_photo_fingerprints_band2",
                table: "photo_fingerprints",
                column: "band2")
                .Annotation("Npgsql:IndexInclude", new[] { "hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "photo_fingerprints");
        }
    }
}
