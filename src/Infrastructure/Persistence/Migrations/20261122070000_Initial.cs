using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// Written by hand (no EF Design package here; docs/decisions/0002): columns carry no provider
/// types, so SQLite and PostgreSQL each map the CLR types the same way their model does.
/// </summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261122070000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: true),
                prefix = table.Column<string>(maxLength: 16, nullable: false),
                hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                revoked_at = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_api_keys", x => x.id));

        migrationBuilder.CreateTable(
            name: "counterparties",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: true),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_counterparties", x => x.id));

        migrationBuilder.CreateTable(
            name: "invoices",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                status = table.Column<string>(maxLength: 8, nullable: false),
                amount_cents = table.Column<long>(nullable: false),
                discount_amount_cents = table.Column<long>(nullable: false),
                currency = table.Column<string>(maxLength: 3, nullable: false),
                invoice_date = table.Column<DateOnly>(nullable: false),
                invoice_due_date = table.Column<DateOnly>(nullable: false),
                invoice_number = table.Column<string>(maxLength: 64, nullable: false),
                note = table.Column<string>(maxLength: 1000, nullable: true),
                originating_counterparty_id = table.Column<Guid>(nullable: false),
                receiving_counterparty_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
                updated_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_invoices", x => x.id);
                table.ForeignKey(
                    name: "FK_invoices_counterparties_originating_counterparty_id",
                    column: x => x.originating_counterparty_id,
                    principalTable: "counterparties",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_invoices_counterparties_receiving_counterparty_id",
                    column: x => x.receiving_counterparty_id,
                    principalTable: "counterparties",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_api_keys_hash", table: "api_keys", column: "hash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_api_keys_prefix", table: "api_keys", column: "prefix", unique: true);
        migrationBuilder.CreateIndex(
            name: "UX_invoices_environment_originating_counterparty_number",
            table: "invoices",
            columns: ["environment", "originating_counterparty_id", "invoice_number"],
            unique: true);
        migrationBuilder.CreateIndex(name: "IX_invoices_originating_counterparty_id", table: "invoices", column: "originating_counterparty_id");
        migrationBuilder.CreateIndex(name: "IX_invoices_receiving_counterparty_id", table: "invoices", column: "receiving_counterparty_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "invoices");
        migrationBuilder.DropTable(name: "api_keys");
        migrationBuilder.DropTable(name: "counterparties");
    }
}
