using System;
using Marketplace.Domain.Sellers;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OriginEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "verification",
                table: "sellers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "verification_note",
                table: "sellers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "origin_evidence",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    seller_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    identity_number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    postal_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_origin_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_origin_evidence_sellers_seller_id",
                        column: x => x.seller_id,
                        principalTable: "sellers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stored_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bytes = table.Column<long>(type: "bigint", nullable: false),
                    evidence_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_documents_origin_evidence_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "origin_evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_documents_evidence_id",
                table: "evidence_documents",
                column: "evidence_id");

            migrationBuilder.CreateIndex(
                name: "ix_evidence_documents_stored_name",
                table: "evidence_documents",
                column: "stored_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_origin_evidence_seller_id",
                table: "origin_evidence",
                column: "seller_id");

            migrationBuilder.CreateIndex(
                name: "ix_origin_evidence_status_submitted_at",
                table: "origin_evidence",
                columns: new[] { "status", "submitted_at" });
        
            // Shops an admin had verified before evidence existed keep their local status.
            migrationBuilder.Sql($"UPDATE sellers SET verification = {(int)OriginVerification.Verified} WHERE verified_at IS NOT NULL AND origin = {(int)SellerOrigin.Local}");

            // The default only filled existing rows; new shops always state their verification, as the model says.
            migrationBuilder.Sql("ALTER TABLE sellers ALTER COLUMN verification DROP DEFAULT");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_documents");

            migrationBuilder.DropTable(
                name: "origin_evidence");

            migrationBuilder.DropColumn(
                name: "verification",
                table: "sellers");

            migrationBuilder.DropColumn(
                name: "verification_note",
                table: "sellers");
        }
    }
}
