using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.Postgres.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
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
