using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// Events (the outbox, docs/decisions/0015), webhook endpoints with encrypted secrets (0016), and the
/// deliveries and attempts of the delivery worker (0017).
/// </summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261122100000_EventsAndWebhooks")]
public sealed class EventsAndWebhooks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "events",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                type = table.Column<string>(maxLength: 64, nullable: false),
                data = table.Column<string>(nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_events", x => x.id));
        migrationBuilder.CreateIndex(name: "IX_events_environment_id", table: "events", columns: ["environment", "id"]);
        migrationBuilder.CreateIndex(name: "IX_events_environment_type_id", table: "events", columns: ["environment", "type", "id"]);

        migrationBuilder.CreateTable(
            name: "webhook_endpoints",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                url = table.Column<string>(maxLength: 2048, nullable: false),
                enabled_events = table.Column<string>(maxLength: 1000, nullable: false),
                protected_secret = table.Column<string>(maxLength: 200, nullable: false),
                created_at = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_webhook_endpoints", x => x.id));
        migrationBuilder.CreateIndex(name: "IX_webhook_endpoints_environment_id", table: "webhook_endpoints", columns: ["environment", "id"]);

        migrationBuilder.CreateTable(
            name: "webhook_deliveries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                event_id = table.Column<Guid>(nullable: false),
                webhook_endpoint_id = table.Column<Guid>(nullable: false),
                status = table.Column<string>(maxLength: 9, nullable: false),
                attempt_count = table.Column<int>(nullable: false),
                next_attempt_at = table.Column<DateTime>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_webhook_deliveries", x => x.id);
                table.ForeignKey(
                    name: "FK_webhook_deliveries_events_event_id",
                    column: x => x.event_id,
                    principalTable: "events",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_webhook_deliveries_webhook_endpoints_webhook_endpoint_id",
                    column: x => x.webhook_endpoint_id,
                    principalTable: "webhook_endpoints",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_webhook_deliveries_status_next_attempt_at", table: "webhook_deliveries", columns: ["status", "next_attempt_at"]);
        migrationBuilder.CreateIndex(name: "IX_webhook_deliveries_event_id", table: "webhook_deliveries", column: "event_id");
        migrationBuilder.CreateIndex(name: "IX_webhook_deliveries_webhook_endpoint_id", table: "webhook_deliveries", column: "webhook_endpoint_id");

        migrationBuilder.CreateTable(
            name: "webhook_delivery_attempts",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                webhook_delivery_id = table.Column<Guid>(nullable: false),
                attempted_at = table.Column<DateTime>(nullable: false),
                response_status = table.Column<int>(nullable: true),
                duration_ms = table.Column<int>(nullable: false),
                response_body = table.Column<string>(maxLength: 1000, nullable: true),
                error = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_webhook_delivery_attempts", x => x.id);
                table.ForeignKey(
                    name: "FK_webhook_delivery_attempts_webhook_delivery_id",
                    column: x => x.webhook_delivery_id,
                    principalTable: "webhook_deliveries",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_webhook_delivery_attempts_webhook_delivery_id", table: "webhook_delivery_attempts", column: "webhook_delivery_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "webhook_delivery_attempts");
        migrationBuilder.DropTable(name: "webhook_deliveries");
        migrationBuilder.DropTable(name: "webhook_endpoints");
        migrationBuilder.DropTable(name: "events");
    }
}
