using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NarrowBannedPhotoBands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "band2",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                computedColumnSql: "((hash >> 26) & 8191)::integer",
                stored: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "band1",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                computedColumnSql: "((hash >> 13) & 8191)::integer",
                stored: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<int>(
                name: "band0",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                computedColumnSql: "((hash >> 0) & 8191)::integer",
                stored: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "band3",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                computedColumnSql: "((hash >> 39) & 8191)::integer",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "band4",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                computedColumnSql: "((hash >> 52) & 4095)::integer",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_banned_photo_parts_band3",
                table: "banned_photo_parts",
                column: "band3")
                .Annotation("Npgsql:IndexInclude", new[] { "hash", "listing_id" });

            migrationBuilder.CreateIndex(
                name: "ix_banned_photo_parts_band4",
                table: "banned_photo_parts",
                column: "band4")
                .Annotation("Npgsql:IndexInclude", new[] { "hash", "listing_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_banned_photo_parts_band3",
                table: "banned_photo_parts");

            migrationBuilder.DropIndex(
                name: "ix_banned_photo_parts_band4",
                table: "banned_photo_parts");

            migrationBuilder.DropColumn(
                name: "band3",
                table: "banned_photo_parts");

            migrationBuilder.DropColumn(
                name: "band4",
                table: "banned_photo_parts");

            migrationBuilder.AlterColumn<int>(
                name: "band2",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldComputedColumnSql: "((hash >> 26) & 8191)::integer");

            migrationBuilder.AlterColumn<int>(
                name: "band1",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldComputedColumnSql: "((hash >> 13) & 8191)::integer");

            migrationBuilder.AlterColumn<int>(
                name: "band0",
                table: "banned_photo_parts",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldComputedColumnSql: "((hash >> 0) & 8191)::integer");
        }
    }
}
