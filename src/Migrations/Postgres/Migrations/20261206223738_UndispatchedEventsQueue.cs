using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UndispatchedEventsQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "undispatched_events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_undispatched_events", x => x.event_id);
                });

            // The events not fanned out yet move to the queue before the column that said so goes (docs/decisions/0047).
            migrationBuilder.Sql("INSERT INTO undispatched_events (event_id) SELECT id FROM events WHERE dispatched_at IS NULL");

            migrationBuilder.DropIndex(
                name: "IX_events_undispatched",
                table: "events");

            migrationBuilder.DropColumn(
                name: "dispatched_at",
                table: "events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "dispatched_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            // Every event that left the queue was dispatched; when exactly is not kept, so it is the time of the downgrade.
            migrationBuilder.Sql("UPDATE events SET dispatched_at = CURRENT_TIMESTAMP WHERE id NOT IN (SELECT event_id FROM undispatched_events)");

            migrationBuilder.CreateIndex(
                name: "IX_events_undispatched",
                table: "events",
                column: "id",
                filter: "dispatched_at IS NULL");

            migrationBuilder.DropTable(
                name: "undispatched_events");
        }
    }
}
