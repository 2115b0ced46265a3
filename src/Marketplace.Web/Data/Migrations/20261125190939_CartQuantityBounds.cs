using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CartQuantityBounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Heals carts that took a quantity which wrapped around below zero (or went past the bound) before the bound was checked.
            migrationBuilder.Sql("DELETE FROM cart_items WHERE quantity < 1;");
            migrationBuilder.Sql($"UPDATE cart_items SET quantity = {Marketplace.Domain.Orders.Cart.MaxQuantityPerItem} WHERE quantity > {Marketplace.Domain.Orders.Cart.MaxQuantityPerItem};");
            migrationBuilder.AddCheckConstraint(
                name: "ck_cart_items_quantity",
                table: "cart_items",
                sql: "quantity BETWEEN 1 AND 999");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_cart_items_quantity",
                table: "cart_items");
        }
    }
}
