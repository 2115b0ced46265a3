using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_refunds",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    order_id = table.Column<long>(type: "bigint", nullable: true),
                    account_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    amount_idr = table.Column<long>(type: "bigint", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_refunds", x => x.reference);
                });

            migrationBuilder.CreateTable(
                name: "sandbox_payment_refunds",
                columns: table => new
                {
                    reference = table.Column<string>(type: "character varying(71)", maxLength: 71, nullable: false),
                    account_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    amount_idr = table.Column<long>(type: "bigint", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sandbox_payment_refunds", x => x.reference);
                });

            migrationBuilder.CreateIndex(
                name: "ix_payment_refunds_requested_at",
                table: "payment_refunds",
                column: "requested_at",
                filter: "submitted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_refunds");

            migrationBuilder.DropTable(
                name: "sandbox_payment_refunds");
        }
    }
}
