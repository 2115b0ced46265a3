using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedPhotoStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "photo_blobs",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_photo_blobs", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "stored_photos",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    seller_id = table.Column<int>(type: "integer", nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_photos", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_photos",
                table: "complaints",
                column: "photos")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_stored_photos_seller_id",
                table: "stored_photos",
                column: "seller_id")
                .Annotation("Npgsql:IndexInclude", new[] { "size_bytes" });

            migrationBuilder.CreateIndex(
                name: "ix_stored_photos_stored_at",
                table: "stored_photos",
                column: "stored_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "photo_blobs");

            migrationBuilder.DropTable(
                name: "stored_photos");

            migrationBuilder.DropIndex(
                name: "ix_complaints_photos",
                table: "complaints");
        }
    }
}
