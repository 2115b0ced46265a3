using Marketplace.Domain.Orders;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingSoldCountAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rating_count",
                table: "listings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "rating_sum",
                table: "listings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sold_count",
                table: "listings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Units already sold: lines of orders released to sellers that were not cancelled.
            migrationBuilder.Sql($"""
                UPDATE listings l SET sold_count = s.units
                FROM (SELECT ol.listing_id, SUM(ol.quantity) AS units
                      FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                      WHERE o.payment_status IN ({(int)PaymentStatus.Paid}, {(int)PaymentStatus.OnDelivery}) AND ol.status <> {(int)OrderLineStatus.Cancelled}
                      GROUP BY ol.listing_id) s
                WHERE s.listing_id = l.id;
                ALTER TABLE listings ALTER COLUMN sold_count DROP DEFAULT;
                ALTER TABLE listings ALTER COLUMN rating_count DROP DEFAULT;
                ALTER TABLE listings ALTER COLUMN rating_sum DROP DEFAULT;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating_count",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "rating_sum",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "sold_count",
                table: "listings");
        }
    }
}
