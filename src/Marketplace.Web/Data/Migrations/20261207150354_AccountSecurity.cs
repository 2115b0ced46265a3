using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_authenticator_time_step",
                table: "asp_net_users",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_mail_sends",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_mail_sends", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_mail_sends_at",
                table: "account_mail_sends",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_account_mail_sends_key_at",
                table: "account_mail_sends",
                columns: new[] { "key", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_mail_sends");

            migrationBuilder.DropColumn(
                name: "last_authenticator_time_step",
                table: "asp_net_users");
        }
    }
}
