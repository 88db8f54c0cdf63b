using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WebhookClaimToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "claim_token",
                table: "webhook_deliveries",
                type: "binary(16)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "claim_token",
                table: "webhook_deliveries");
        }
    }
}
