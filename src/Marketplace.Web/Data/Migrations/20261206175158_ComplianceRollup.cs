using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_day_counts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cluster_id = table.Column<int>(type: "integer", nullable: false),
                    blocked = table.Column<long>(type: "bigint", nullable: false),
                    held = table.Column<long>(type: "bigint", nullable: false),
                    released = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_day_counts", x => new { x.day, x.cluster_id });
                });

            migrationBuilder.CreateTable(
                name: "review_times",
                columns: table => new
                {
                    admin_action_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    seconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_times", x => x.admin_action_id);
                });

            migrationBuilder.CreateTable(
                name: "rollup_marks",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rollup_marks", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_review_times_day",
                table: "review_times",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decision_day_counts");

            migrationBuilder.DropTable(
                name: "review_times");

            migrationBuilder.DropTable(
                name: "rollup_marks");
        }
    }
}
