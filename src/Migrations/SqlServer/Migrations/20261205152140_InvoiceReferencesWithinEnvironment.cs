using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceReferencesWithinEnvironment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_invoices_counterparties_originating_counterparty_id",
                table: "invoices");

            migrationBuilder.DropForeignKey(
                name: "FK_invoices_counterparties_receiving_counterparty_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_originating_counterparty_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_receiving_counterparty_id",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_counterparties_environment_id",
                table: "counterparties");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_counterparties_environment_id",
                table: "counterparties",
                columns: new[] { "environment", "id" });

            migrationBuilder.AddForeignKey(
                name: "FK_invoices_counterparties_originating",
                table: "invoices",
                columns: new[] { "environment", "originating_counterparty_id" },
                principalTable: "counterparties",
                principalColumns: new[] { "environment", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_invoices_counterparties_receiving",
                table: "invoices",
                columns: new[] { "environment", "receiving_counterparty_id" },
                principalTable: "counterparties",
                principalColumns: new[] { "environment", "id" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_invoices_counterparties_originating",
                table: "invoices");

            migrationBuilder.DropForeignKey(
                name: "FK_invoices_counterparties_receiving",
                table: "invoices");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_counterparties_environment_id",
                table: "counterparties");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_originating_counterparty_id",
                table: "invoices",
                column: "originating_counterparty_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_receiving_counterparty_id",
                table: "invoices",
                column: "receiving_counterparty_id");

            migrationBuilder.CreateIndex(
                name: "IX_counterparties_environment_id",
                table: "counterparties",
                columns: new[] { "environment", "id" });

            migrationBuilder.AddForeignKey(
                name: "FK_invoices_counterparties_originating_counterparty_id",
                table: "invoices",
                column: "originating_counterparty_id",
                principalTable: "counterparties",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_invoices_counterparties_receiving_counterparty_id",
                table: "invoices",
                column: "receiving_counterparty_id",
                principalTable: "counterparties",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
