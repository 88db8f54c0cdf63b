using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WebhookKeyIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "response_key_id",
                table: "idempotency_keys",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true,
                collation: "Latin1_General_100_BIN2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "response_key_id",
                table: "idempotency_keys");
        }
    }
}
