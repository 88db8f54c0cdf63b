using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// The fan-out moves from the save to the delivery worker (docs/decisions/0020): events get a nullable
/// <c>dispatched_at</c> and a filtered index of the undispatched ones. The events stored before this migration
/// already got their deliveries in their own save, so they are marked dispatched here and never fanned out again.
/// </summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261122110000_EventFanOut")]
public sealed class EventFanOut : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "dispatched_at", table: "events", nullable: true);
        migrationBuilder.Sql(migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite"
            ? "UPDATE events SET dispatched_at = strftime('%Y-%m-%d %H:%M:%f', 'now');"
            : "UPDATE events SET dispatched_at = now();");
        migrationBuilder.CreateIndex(name: "IX_events_undispatched", table: "events", column: "id", filter: "dispatched_at IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_events_undispatched", table: "events");
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // As in InvoiceLifecycle: EF Core would rebuild the table, which needs a target model; SQLite drops it itself.
            migrationBuilder.Sql("ALTER TABLE events DROP COLUMN dispatched_at;");
        }
        else
        {
            migrationBuilder.DropColumn(name: "dispatched_at", table: "events");
        }
    }
}
