using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// Pay and void (§5.2): when each happened. Lists (§6): one index per filter, each leading with the
/// environment and ending with the order key, the id (docs/decisions/0009). Up only adds, so SQLite
/// needs no table rebuild and no target model; Down drops the columns with SQLite's own DROP COLUMN.
/// </summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261122080000_InvoiceLifecycle")]
public sealed class InvoiceLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(name: "paid_at", table: "invoices", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(name: "voided_at", table: "invoices", nullable: true);

        migrationBuilder.CreateIndex(name: "IX_counterparties_environment_id", table: "counterparties", columns: ["environment", "id"]);
        migrationBuilder.CreateIndex(name: "IX_invoices_environment_id", table: "invoices", columns: ["environment", "id"]);
        migrationBuilder.CreateIndex(name: "IX_invoices_environment_status_id", table: "invoices", columns: ["environment", "status", "id"]);
        migrationBuilder.CreateIndex(
            name: "IX_invoices_environment_originating_counterparty_id_id",
            table: "invoices",
            columns: ["environment", "originating_counterparty_id", "id"]);
        migrationBuilder.CreateIndex(
            name: "IX_invoices_environment_receiving_counterparty_id_id",
            table: "invoices",
            columns: ["environment", "receiving_counterparty_id", "id"]);
        migrationBuilder.CreateIndex(name: "IX_invoices_environment_invoice_date_id", table: "invoices", columns: ["environment", "invoice_date", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_invoices_environment_invoice_date_id", table: "invoices");
        migrationBuilder.DropIndex(name: "IX_invoices_environment_receiving_counterparty_id_id", table: "invoices");
        migrationBuilder.DropIndex(name: "IX_invoices_environment_originating_counterparty_id_id", table: "invoices");
        migrationBuilder.DropIndex(name: "IX_invoices_environment_status_id", table: "invoices");
        migrationBuilder.DropIndex(name: "IX_invoices_environment_id", table: "invoices");
        migrationBuilder.DropIndex(name: "IX_counterparties_environment_id", table: "counterparties");
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // EF Core would rebuild the table for a DropColumn on SQLite, which needs a target model the
            // hand-written migrations do not have; SQLite (3.35+) drops an unindexed column itself.
            migrationBuilder.Sql("ALTER TABLE invoices DROP COLUMN voided_at;");
            migrationBuilder.Sql("ALTER TABLE invoices DROP COLUMN paid_at;");
        }
        else
        {
            migrationBuilder.DropColumn(name: "voided_at", table: "invoices");
            migrationBuilder.DropColumn(name: "paid_at", table: "invoices");
        }
    }
}
