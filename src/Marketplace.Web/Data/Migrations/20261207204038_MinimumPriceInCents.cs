using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MinimumPriceInCents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "minimum_price_usd_cents",
                table: "policy_settings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The stored dollars had two decimals already: whole cents carry the same amount.
            migrationBuilder.Sql("UPDATE policy_settings SET minimum_price_usd_cents = round(minimum_price_usd * 100);");
            migrationBuilder.Sql("ALTER TABLE policy_settings ALTER COLUMN minimum_price_usd_cents DROP DEFAULT;");

            migrationBuilder.DropColumn(
                name: "minimum_price_usd",
                table: "policy_settings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "minimum_price_usd",
                table: "policy_settings",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.Sql("UPDATE policy_settings SET minimum_price_usd = minimum_price_usd_cents / 100.0;");

            migrationBuilder.DropColumn(
                name: "minimum_price_usd_cents",
                table: "policy_settings");
        }
    }
}
