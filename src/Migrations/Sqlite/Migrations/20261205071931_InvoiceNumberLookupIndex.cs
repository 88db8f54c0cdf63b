using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceNumberLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_invoices_environment_invoice_number_id",
                table: "invoices",
                columns: new[] { "environment", "invoice_number", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_invoices_environment_invoice_number_id",
                table: "invoices");
        }
    }
}
