using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Marketplace.Web.Data.Migrations;

/// <summary>Decisions keep their reasons in Indonesian and English, so sellers read why in their language; sellers get notifications.</summary>
[DbContext(typeof(MarketplaceDbContext))]
[Migration("20261122010000_DecisionMessagesAndSellerNotifications")]
public sealed class DecisionMessagesAndSellerNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.RenameColumn(name: "detail", table: "policy_decisions", newName: "message_en");

        migrationBuilder.AddColumn<string>(
            name: "message_id",
            table: "policy_decisions",
            type: "character varying(4000)",
            maxLength: 4000,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "seller_notifications",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                kind = table.Column<int>(type: "integer", nullable: false),
                cluster_id = table.Column<int>(type: "integer", nullable: true),
                listing_count = table.Column<int>(type: "integer", nullable: false),
                message_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                message_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_seller_notifications", x => x.id);
                table.ForeignKey(
                    name: "fk_seller_notifications_clusters_cluster_id",
                    column: x => x.cluster_id,
                    principalTable: "clusters",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_seller_notifications_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_seller_notifications_cluster_id",
            table: "seller_notifications",
            column: "cluster_id");

        migrationBuilder.CreateIndex(
            name: "ix_seller_notifications_seller_id_created_at",
            table: "seller_notifications",
            columns: new[] { "seller_id", "created_at" },
            descending: new[] { false, true });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "seller_notifications");
        migrationBuilder.DropColumn(name: "message_id", table: "policy_decisions");
        migrationBuilder.RenameColumn(name: "message_en", table: "policy_decisions", newName: "detail");
    }
}
