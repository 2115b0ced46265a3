using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TakedownRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "takedown_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    body = table.Column<int>(type: "integer", nullable: false),
                    body_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reference_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_takedown_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "takedown_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    line = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: true),
                    takedown_request_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_takedown_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_takedown_items_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_takedown_items_takedown_requests_takedown_request_id",
                        column: x => x.takedown_request_id,
                        principalTable: "takedown_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_takedown_items_listing_id",
                table: "takedown_items",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_takedown_items_takedown_request_id",
                table: "takedown_items",
                column: "takedown_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_takedown_requests_received_at",
                table: "takedown_requests",
                column: "received_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "takedown_items");

            migrationBuilder.DropTable(
                name: "takedown_requests");
        }
    }
}
