using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace Marketplace.Web.Data.Migrations;

/// <summary>Identity, catalogue, sellers, listings with full-text search, the policy's blocks, rules and decisions, carts and orders.</summary>
[DbContext(typeof(MarketplaceDbContext))]
[Migration("20261122000000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "asp_net_roles",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_roles", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_users",
            columns: table => new
            {
                id = table.Column<string>(type: "text", nullable: false),
                display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                preferred_language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                password_hash = table.Column<string>(type: "text", nullable: true),
                security_stamp = table.Column<string>(type: "text", nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                phone_number = table.Column<string>(type: "text", nullable: true),
                phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                access_failed_count = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_users", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "clusters",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                name_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_clusters", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                xml = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_data_protection_keys", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "policy_settings",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false),
                version = table.Column<int>(type: "integer", nullable: false),
                minimum_price_enabled = table.Column<bool>(type: "boolean", nullable: false),
                minimum_price_usd = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                idr_per_usd = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                rate_date = table.Column<DateOnly>(type: "date", nullable: false),
                exempt_hs_chapters = table.Column<int[]>(type: "integer[]", nullable: false),
                updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_policy_settings", x => x.id);
                table.CheckConstraint("ck_policy_settings_singleton", "id = 1");
            });

        migrationBuilder.CreateTable(
            name: "asp_net_role_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<string>(type: "text", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                table.ForeignKey(
                    name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                    column: x => x.role_id,
                    principalTable: "asp_net_roles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_user_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(type: "text", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                table.ForeignKey(
                    name: "fk_asp_net_user_claims_asp_net_users_user_id",
                    column: x => x.user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(type: "text", nullable: false),
                provider_key = table.Column<string>(type: "text", nullable: false),
                provider_display_name = table.Column<string>(type: "text", nullable: true),
                user_id = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey(
                    name: "fk_asp_net_user_logins_asp_net_users_user_id",
                    column: x => x.user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_user_roles",
            columns: table => new
            {
                user_id = table.Column<string>(type: "text", nullable: false),
                role_id = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey(
                    name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                    column: x => x.role_id,
                    principalTable: "asp_net_roles",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_asp_net_user_roles_asp_net_users_user_id",
                    column: x => x.user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "asp_net_user_tokens",
            columns: table => new
            {
                user_id = table.Column<string>(type: "text", nullable: false),
                login_provider = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey(
                    name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                    column: x => x.user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "carts",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                owner_user_id = table.Column<string>(type: "text", nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_carts", x => x.id);
                table.ForeignKey(
                    name: "fk_carts_asp_net_users_owner_user_id",
                    column: x => x.owner_user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "orders",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                shopper_user_id = table.Column<string>(type: "text", nullable: false),
                payment_method = table.Column<int>(type: "integer", nullable: false),
                shipping_fee_per_seller_idr = table.Column<long>(type: "bigint", nullable: false),
                placed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ship_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                ship_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                ship_postal_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                ship_province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                ship_recipient_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                ship_street = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_orders", x => x.id);
                table.ForeignKey(
                    name: "fk_orders_asp_net_users_shopper_user_id",
                    column: x => x.shopper_user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "sellers",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(type: "text", nullable: false),
                store_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                origin = table.Column<int>(type: "integer", nullable: false),
                country_code = table.Column<string>(type: "character(2)", maxLength: 2, fixedLength: true, nullable: false),
                province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                nib = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                status = table.Column<int>(type: "integer", nullable: false),
                suspension_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                suspended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_sellers", x => x.id);
                table.ForeignKey(
                    name: "fk_sellers_asp_net_users_user_id",
                    column: x => x.user_id,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "categories",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                parent_id = table.Column<int>(type: "integer", nullable: true),
                slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                name_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                cluster_id = table.Column<int>(type: "integer", nullable: true),
                is_retired = table.Column<bool>(type: "boolean", nullable: false),
                hs_chapters = table.Column<int[]>(type: "integer[]", nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_categories", x => x.id);
                table.ForeignKey(
                    name: "fk_categories_categories_parent_id",
                    column: x => x.parent_id,
                    principalTable: "categories",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_categories_clusters_cluster_id",
                    column: x => x.cluster_id,
                    principalTable: "clusters",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "cluster_blocks",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                cluster_id = table.Column<int>(type: "integer", nullable: false),
                starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                swept_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                lifted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                lifted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                lift_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cluster_blocks", x => x.id);
                table.ForeignKey(
                    name: "fk_cluster_blocks_clusters_cluster_id",
                    column: x => x.cluster_id,
                    principalTable: "clusters",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "lexicon_terms",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                cluster_id = table.Column<int>(type: "integer", nullable: false),
                term = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_lexicon_terms", x => x.id);
                table.ForeignKey(
                    name: "fk_lexicon_terms_clusters_cluster_id",
                    column: x => x.cluster_id,
                    principalTable: "clusters",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "listings",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                category_id = table.Column<int>(type: "integer", nullable: false),
                sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                price_idr = table.Column<long>(type: "bigint", nullable: false),
                stock = table.Column<int>(type: "integer", nullable: false),
                origin = table.Column<int>(type: "integer", nullable: false),
                tkdn_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                state = table.Column<int>(type: "integer", nullable: false),
                state_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                suspended_by = table.Column<int>(type: "integer", nullable: true),
                state_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                reason_codes = table.Column<string[]>(type: "text[]", nullable: false),
                misclassification_cleared = table.Column<bool>(type: "boolean", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                xmin = table.Column<uint>(type: "xid", nullable: false),
                search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(description, '')), 'B')", stored: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_listings", x => x.id);
                table.ForeignKey(
                    name: "fk_listings_categories_category_id",
                    column: x => x.category_id,
                    principalTable: "categories",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_listings_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "cart_items",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                cart_id = table.Column<Guid>(type: "uuid", nullable: false),
                listing_id = table.Column<long>(type: "bigint", nullable: false),
                quantity = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cart_items", x => x.id);
                table.ForeignKey(
                    name: "fk_cart_items_carts_cart_id",
                    column: x => x.cart_id,
                    principalTable: "carts",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_cart_items_listings_listing_id",
                    column: x => x.listing_id,
                    principalTable: "listings",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "listing_images",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                listing_id = table.Column<long>(type: "bigint", nullable: false),
                stored_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                position = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_listing_images", x => x.id);
                table.ForeignKey(
                    name: "fk_listing_images_listings_listing_id",
                    column: x => x.listing_id,
                    principalTable: "listings",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "order_lines",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                order_id = table.Column<long>(type: "bigint", nullable: false),
                listing_id = table.Column<long>(type: "bigint", nullable: false),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                unit_price_idr = table.Column<long>(type: "bigint", nullable: false),
                quantity = table.Column<int>(type: "integer", nullable: false),
                status = table.Column<int>(type: "integer", nullable: false),
                tracking_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                xmin = table.Column<uint>(type: "xid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_order_lines", x => x.id);
                table.ForeignKey(
                    name: "fk_order_lines_listings_listing_id",
                    column: x => x.listing_id,
                    principalTable: "listings",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_order_lines_orders_order_id",
                    column: x => x.order_id,
                    principalTable: "orders",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "fk_order_lines_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "policy_decisions",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                listing_id = table.Column<long>(type: "bigint", nullable: false),
                seller_id = table.Column<int>(type: "integer", nullable: false),
                cluster_id = table.Column<int>(type: "integer", nullable: true),
                outcome = table.Column<int>(type: "integer", nullable: false),
                reason_codes = table.Column<string[]>(type: "text[]", nullable: false),
                detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                policy_version = table.Column<int>(type: "integer", nullable: false),
                trigger = table.Column<int>(type: "integer", nullable: false),
                actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_policy_decisions", x => x.id);
                table.ForeignKey(
                    name: "fk_policy_decisions_clusters_cluster_id",
                    column: x => x.cluster_id,
                    principalTable: "clusters",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_policy_decisions_listings_listing_id",
                    column: x => x.listing_id,
                    principalTable: "listings",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "fk_policy_decisions_sellers_seller_id",
                    column: x => x.seller_id,
                    principalTable: "sellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "ix_asp_net_role_claims_role_id",
            table: "asp_net_role_claims",
            column: "role_id");

        migrationBuilder.CreateIndex(
            name: "role_name_index",
            table: "asp_net_roles",
            column: "normalized_name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_asp_net_user_claims_user_id",
            table: "asp_net_user_claims",
            column: "user_id");

        migrationBuilder.CreateIndex(
            name: "ix_asp_net_user_logins_user_id",
            table: "asp_net_user_logins",
            column: "user_id");

        migrationBuilder.CreateIndex(
            name: "ix_asp_net_user_roles_role_id",
            table: "asp_net_user_roles",
            column: "role_id");

        migrationBuilder.CreateIndex(
            name: "email_index",
            table: "asp_net_users",
            column: "normalized_email");

        migrationBuilder.CreateIndex(
            name: "user_name_index",
            table: "asp_net_users",
            column: "normalized_user_name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_cart_items_cart_id_listing_id",
            table: "cart_items",
            columns: new[] { "cart_id", "listing_id" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_cart_items_listing_id",
            table: "cart_items",
            column: "listing_id");

        migrationBuilder.CreateIndex(
            name: "ix_carts_owner_user_id",
            table: "carts",
            column: "owner_user_id",
            unique: true,
            filter: "owner_user_id IS NOT NULL");

        migrationBuilder.CreateIndex(
            name: "ix_carts_updated_at",
            table: "carts",
            column: "updated_at");

        migrationBuilder.CreateIndex(
            name: "ix_categories_cluster_id",
            table: "categories",
            column: "cluster_id");

        migrationBuilder.CreateIndex(
            name: "ix_categories_parent_id",
            table: "categories",
            column: "parent_id");

        migrationBuilder.CreateIndex(
            name: "ix_categories_slug",
            table: "categories",
            column: "slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_cluster_blocks_awaiting_sweep",
            table: "cluster_blocks",
            column: "starts_at",
            filter: "swept_at IS NULL AND lifted_at IS NULL");

        migrationBuilder.CreateIndex(
            name: "ix_cluster_blocks_cluster_id_starts_at",
            table: "cluster_blocks",
            columns: new[] { "cluster_id", "starts_at" });

        migrationBuilder.CreateIndex(
            name: "ix_clusters_code",
            table: "clusters",
            column: "code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_lexicon_terms_cluster_id_term",
            table: "lexicon_terms",
            columns: new[] { "cluster_id", "term" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_listing_images_listing_id_position",
            table: "listing_images",
            columns: new[] { "listing_id", "position" });

        migrationBuilder.CreateIndex(
            name: "ix_listing_images_stored_name",
            table: "listing_images",
            column: "stored_name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_category_newest",
            table: "listings",
            columns: new[] { "category_id", "published_at", "id" },
            descending: new[] { false, true, true },
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_category_price",
            table: "listings",
            columns: new[] { "category_id", "price_idr", "id" },
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_newest",
            table: "listings",
            columns: new[] { "published_at", "id" },
            descending: new[] { true, true },
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_listings_live_seller_newest",
            table: "listings",
            columns: new[] { "seller_id", "published_at" },
            descending: new[] { false, true },
            filter: "state = 2");

        migrationBuilder.CreateIndex(
            name: "ix_listings_search_vector",
            table: "listings",
            column: "search_vector")
            .Annotation("Npgsql:IndexMethod", "gin");

        migrationBuilder.CreateIndex(
            name: "ix_listings_seller_id_sku",
            table: "listings",
            columns: new[] { "seller_id", "sku" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_listings_seller_id_state_updated_at",
            table: "listings",
            columns: new[] { "seller_id", "state", "updated_at" });

        migrationBuilder.CreateIndex(
            name: "ix_listings_state_category_id",
            table: "listings",
            columns: new[] { "state", "category_id" });

        migrationBuilder.CreateIndex(
            name: "ix_order_lines_listing_id",
            table: "order_lines",
            column: "listing_id");

        migrationBuilder.CreateIndex(
            name: "ix_order_lines_order_id",
            table: "order_lines",
            column: "order_id");

        migrationBuilder.CreateIndex(
            name: "ix_order_lines_seller_id_status",
            table: "order_lines",
            columns: new[] { "seller_id", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_orders_number",
            table: "orders",
            column: "number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_orders_shopper_user_id_placed_at",
            table: "orders",
            columns: new[] { "shopper_user_id", "placed_at" });

        migrationBuilder.CreateIndex(
            name: "ix_policy_decisions_cluster_id_decided_at",
            table: "policy_decisions",
            columns: new[] { "cluster_id", "decided_at" });

        migrationBuilder.CreateIndex(
            name: "ix_policy_decisions_decided_at",
            table: "policy_decisions",
            column: "decided_at");

        migrationBuilder.CreateIndex(
            name: "ix_policy_decisions_listing_id_decided_at",
            table: "policy_decisions",
            columns: new[] { "listing_id", "decided_at" });

        migrationBuilder.CreateIndex(
            name: "ix_policy_decisions_seller_id_decided_at",
            table: "policy_decisions",
            columns: new[] { "seller_id", "decided_at" });

        migrationBuilder.CreateIndex(
            name: "ix_sellers_origin_status",
            table: "sellers",
            columns: new[] { "origin", "status" });

        migrationBuilder.CreateIndex(
            name: "ix_sellers_slug",
            table: "sellers",
            column: "slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_sellers_user_id",
            table: "sellers",
            column: "user_id",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "policy_decisions");
        migrationBuilder.DropTable(name: "order_lines");
        migrationBuilder.DropTable(name: "listing_images");
        migrationBuilder.DropTable(name: "cart_items");
        migrationBuilder.DropTable(name: "listings");
        migrationBuilder.DropTable(name: "lexicon_terms");
        migrationBuilder.DropTable(name: "cluster_blocks");
        migrationBuilder.DropTable(name: "categories");
        migrationBuilder.DropTable(name: "sellers");
        migrationBuilder.DropTable(name: "orders");
        migrationBuilder.DropTable(name: "carts");
        migrationBuilder.DropTable(name: "asp_net_user_tokens");
        migrationBuilder.DropTable(name: "asp_net_user_roles");
        migrationBuilder.DropTable(name: "asp_net_user_logins");
        migrationBuilder.DropTable(name: "asp_net_user_claims");
        migrationBuilder.DropTable(name: "asp_net_role_claims");
        migrationBuilder.DropTable(name: "policy_settings");
        migrationBuilder.DropTable(name: "data_protection_keys");
        migrationBuilder.DropTable(name: "clusters");
        migrationBuilder.DropTable(name: "asp_net_users");
        migrationBuilder.DropTable(name: "asp_net_roles");
    }
}
