using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Marketplace.Web.Data.Migrations;

/// <summary>The admin console: the admin actions of the audit trail, seller verification, and indexes for the audit filters and the review queue.</summary>
[DbContext(typeof(MarketplaceDbContext))]
[Migration("20261122050000_AdminConsole")]
public sealed class AdminConsole : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "admin_actions",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<int>(type: "integer", nullable: false),
                actor_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                actor_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                cluster_id = table.Column<int>(type: "integer", nullable: true),
                category_id = table.Column<int>(type: "integer", nullable: true),
                seller_id = table.Column<int>(type: "integer", nullable: true),
                listing_id = table.Column<long>(type: "bigint", nullable: true),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_admin_actions", x => x.id));

        migrationBuilder.CreateIndex(name: "ix_admin_actions_at_id", table: "admin_actions", columns: new[] { "at", "id" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_kind_at", table: "admin_actions", columns: new[] { "kind", "at" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_actor_email_at", table: "admin_actions", columns: new[] { "actor_email", "at" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_cluster_id_at", table: "admin_actions", columns: new[] { "cluster_id", "at" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_category_id_at", table: "admin_actions", columns: new[] { "category_id", "at" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_seller_id_at", table: "admin_actions", columns: new[] { "seller_id", "at" });
        migrationBuilder.CreateIndex(name: "ix_admin_actions_listing_id_at", table: "admin_actions", columns: new[] { "listing_id", "at" });

        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "verified_at",
            table: "sellers",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.CreateIndex(name: "ix_policy_decisions_outcome_decided_at", table: "policy_decisions", columns: new[] { "outcome", "decided_at" });
        migrationBuilder.CreateIndex(name: "ix_policy_decisions_trigger_decided_at", table: "policy_decisions", columns: new[] { "trigger", "decided_at" });
        migrationBuilder.CreateIndex(name: "ix_policy_decisions_actor_decided_at", table: "policy_decisions", columns: new[] { "actor", "decided_at" });

        migrationBuilder.CreateIndex(
            name: "ix_listings_awaiting_review",
            table: "listings",
            columns: new[] { "state_changed_at", "id" },
            filter: "state = 1");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_listings_awaiting_review", table: "listings");
        migrationBuilder.DropIndex(name: "ix_policy_decisions_actor_decided_at", table: "policy_decisions");
        migrationBuilder.DropIndex(name: "ix_policy_decisions_trigger_decided_at", table: "policy_decisions");
        migrationBuilder.DropIndex(name: "ix_policy_decisions_outcome_decided_at", table: "policy_decisions");
        migrationBuilder.DropColumn(name: "verified_at", table: "sellers");
        migrationBuilder.DropTable(name: "admin_actions");
    }
}
