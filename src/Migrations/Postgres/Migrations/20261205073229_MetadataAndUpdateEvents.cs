using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MetadataAndUpdateEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "webhook_endpoints",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "invoices",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "previous_attributes",
                table: "events",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "counterparties",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "metadata",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "previous_attributes",
                table: "events");

            migrationBuilder.DropColumn(
                name: "metadata",
                table: "counterparties");
        }
    }
}
