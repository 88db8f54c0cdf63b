using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.SqlServer.Migrations
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
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "invoices",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "previous_attributes",
                table: "events",
                type: "nvarchar(max)",
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "metadata",
                table: "counterparties",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_BIN2");
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
