using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paid_at",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "payment_status",
                table: "orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "va_bank",
                table: "orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "va_number",
                table: "orders",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "va_pay_by",
                table: "orders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "courier",
                table: "order_lines",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Orders placed before payments were tracked stay with their sellers: transfers as paid, cash as paid on delivery.
            migrationBuilder.Sql(
                $"UPDATE orders SET payment_status = CASE WHEN payment_method = {(int)Marketplace.Domain.Orders.PaymentMethod.CashOnDelivery} " +
                $"THEN {(int)Marketplace.Domain.Orders.PaymentStatus.OnDelivery} ELSE {(int)Marketplace.Domain.Orders.PaymentStatus.Paid} END");

            // The default only filled existing rows; every new order states its payment status, as the model says.
            migrationBuilder.Sql("ALTER TABLE orders ALTER COLUMN payment_status DROP DEFAULT");

            migrationBuilder.CreateTable(
                name: "payment_callbacks",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    order_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_callbacks", x => x.event_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_awaiting_payment",
                table: "orders",
                column: "payment_status",
                filter: "payment_status = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_callbacks");

            migrationBuilder.DropIndex(
                name: "ix_orders_awaiting_payment",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "paid_at",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "payment_status",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "va_bank",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "va_number",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "va_pay_by",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "courier",
                table: "order_lines");
        }
    }
}
