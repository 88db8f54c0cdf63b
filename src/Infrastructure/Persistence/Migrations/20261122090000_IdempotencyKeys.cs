using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>Idempotency records (§7, docs/decisions/0010): one row per environment and key, the claim being its unique index.</summary>
[DbContext(typeof(ApplicationDbContext))]
[Migration("20261122090000_IdempotencyKeys")]
public sealed class IdempotencyKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "idempotency_keys",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                environment = table.Column<string>(maxLength: 4, nullable: false),
                key = table.Column<string>(maxLength: 255, nullable: false),
                request_method = table.Column<string>(maxLength: 16, nullable: false),
                request_path = table.Column<string>(maxLength: 2048, nullable: false),
                request_hash = table.Column<string>(maxLength: 64, nullable: false),
                lock_token = table.Column<Guid>(nullable: true),
                locked_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
                response_status = table.Column<int>(nullable: true),
                response_content_type = table.Column<string>(maxLength: 255, nullable: true),
                response_location = table.Column<string>(maxLength: 2048, nullable: true),
                response_body = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_idempotency_keys", x => x.id));

        migrationBuilder.CreateIndex(
            name: "UX_idempotency_keys_environment_key",
            table: "idempotency_keys",
            columns: ["environment", "key"],
            unique: true);
        migrationBuilder.CreateIndex(name: "IX_idempotency_keys_created_at", table: "idempotency_keys", column: "created_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "idempotency_keys");
}
