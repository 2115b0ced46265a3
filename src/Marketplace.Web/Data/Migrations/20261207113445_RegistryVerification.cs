using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistryVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "checked_at",
                table: "origin_evidence",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_name",
                table: "origin_evidence",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "registry_answer",
                table: "origin_evidence",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "business_registry_records",
                columns: table => new
                {
                    nib = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    business_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kbli = table.Column<List<string>>(type: "text[]", nullable: false),
                    province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_registry_records", x => x.nib);
                });

            migrationBuilder.CreateTable(
                name: "verification_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fact = table.Column<int>(type: "integer", nullable: true),
                    linked_seller_id = table.Column<int>(type: "integer", nullable: true),
                    evidence_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verification_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_verification_findings_origin_evidence_evidence_id",
                        column: x => x.evidence_id,
                        principalTable: "origin_evidence",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_verification_findings_evidence_id",
                table: "verification_findings",
                column: "evidence_id");

            migrationBuilder.CreateIndex(
                name: "ix_verification_findings_kind",
                table: "verification_findings",
                column: "kind");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "business_registry_records");

            migrationBuilder.DropTable(
                name: "verification_findings");

            migrationBuilder.DropColumn(
                name: "checked_at",
                table: "origin_evidence");

            migrationBuilder.DropColumn(
                name: "owner_name",
                table: "origin_evidence");

            migrationBuilder.DropColumn(
                name: "registry_answer",
                table: "origin_evidence");
        }
    }
}
