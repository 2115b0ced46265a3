using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PolicyFence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_fence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<NpgsqlLogSequenceNumber>(type: "pg_lsn", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_policy_fence", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "policy_fence",
                columns: new[] { "id", "position" },
                values: new object[] { 1, new NpgsqlTypes.NpgsqlLogSequenceNumber(0ul) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_fence");
        }
    }
}
