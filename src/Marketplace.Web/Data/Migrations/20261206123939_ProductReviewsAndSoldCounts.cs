using System;
using Marketplace.Domain.Orders;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProductReviewsAndSoldCounts : Migration
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

            migrationBuilder.CreateTable(
                name: "product_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_line_id = table.Column<long>(type: "bigint", nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    shopper_user_id = table.Column<string>(type: "text", nullable: false),
                    reviewer_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    image_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_hidden = table.Column<bool>(type: "boolean", nullable: false),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_product_reviews_asp_net_users_shopper_user_id",
                        column: x => x.shopper_user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_product_reviews_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_product_reviews_order_lines_order_line_id",
                        column: x => x.order_line_id,
                        principalTable: "order_lines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_created_at",
                table: "product_reviews",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_image_name",
                table: "product_reviews",
                column: "image_name",
                filter: "image_name IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_listing_id_created_at",
                table: "product_reviews",
                columns: new[] { "listing_id", "created_at" },
                descending: new[] { false, true },
                filter: "NOT is_hidden");

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_order_line_id",
                table: "product_reviews",
                column: "order_line_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_product_reviews_shopper_user_id",
                table: "product_reviews",
                column: "shopper_user_id");

            // Units already sold: lines of orders released to sellers that were not cancelled.
            migrationBuilder.Sql($"""
                UPDATE listings l SET sold_count = s.units
                FROM (SELECT ol.listing_id, SUM(ol.quantity) AS units
                      FROM order_lines ol JOIN orders o ON o.id = ol.order_id
                      WHERE o.payment_status IN ({(int)PaymentStatus.Paid}, {(int)PaymentStatus.OnDelivery}) AND ol.status <> {(int)OrderLineStatus.Cancelled}
                      GROUP BY ol.listing_id) s
                WHERE s.listing_id = l.id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "product_reviews");

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
