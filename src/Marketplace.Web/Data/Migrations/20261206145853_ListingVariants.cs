using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingVariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cart_items_cart_id_listing_id",
                table: "cart_items");

            migrationBuilder.AddColumn<long>(
                name: "variant_id",
                table: "order_lines",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "variant_label",
                table: "order_lines",
                type: "character varying(107)",
                maxLength: 107,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_variants",
                table: "listings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "variant_id",
                table: "cart_items",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "listing_variants",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    listing_id = table.Column<long>(type: "bigint", nullable: false),
                    name1 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value1 = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name2 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    value2 = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    price_idr = table.Column<long>(type: "bigint", nullable: false),
                    stock = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listing_variants", x => x.id);
                    table.CheckConstraint("ck_listing_variants_stock", "stock >= 0");
                    table.ForeignKey(
                        name: "fk_listing_variants_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_order_lines_variant_id",
                table: "order_lines",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_cart_items_cart_id_listing_id_variant_id",
                table: "cart_items",
                columns: new[] { "cart_id", "listing_id", "variant_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_cart_items_variant_id",
                table: "cart_items",
                column: "variant_id");

            migrationBuilder.CreateIndex(
                name: "ix_listing_variants_listing_id_position",
                table: "listing_variants",
                columns: new[] { "listing_id", "position" });

            migrationBuilder.AddForeignKey(
                name: "fk_cart_items_listing_variants_variant_id",
                table: "cart_items",
                column: "variant_id",
                principalTable: "listing_variants",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_order_lines_listing_variants_variant_id",
                table: "order_lines",
                column: "variant_id",
                principalTable: "listing_variants",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cart_items_listing_variants_variant_id",
                table: "cart_items");

            migrationBuilder.DropForeignKey(
                name: "fk_order_lines_listing_variants_variant_id",
                table: "order_lines");

            migrationBuilder.DropTable(
                name: "listing_variants");

            migrationBuilder.DropIndex(
                name: "ix_order_lines_variant_id",
                table: "order_lines");

            migrationBuilder.DropIndex(
                name: "ix_cart_items_cart_id_listing_id_variant_id",
                table: "cart_items");

            migrationBuilder.DropIndex(
                name: "ix_cart_items_variant_id",
                table: "cart_items");

            migrationBuilder.DropColumn(
                name: "variant_id",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "variant_label",
                table: "order_lines");

            migrationBuilder.DropColumn(
                name: "has_variants",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "variant_id",
                table: "cart_items");

            migrationBuilder.CreateIndex(
                name: "ix_cart_items_cart_id_listing_id",
                table: "cart_items",
                columns: new[] { "cart_id", "listing_id" },
                unique: true);
        }
    }
}
