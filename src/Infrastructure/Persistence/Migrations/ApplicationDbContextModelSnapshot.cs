using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

#nullable disable

namespace Invoicing.Infrastructure.Persistence.Migrations;

/// <summary>
/// The model as the migrations leave it, written by hand with them. A test on both providers
/// checks that it matches the current model (no pending model changes).
/// </summary>
[DbContext(typeof(ApplicationDbContext))]
internal sealed class ApplicationDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("Invoicing.Domain.ApiKeys.ApiKey", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Name").HasMaxLength(100).HasColumnName("name");
            b.Property<string>("Prefix").IsRequired().HasMaxLength(16).HasColumnName("prefix");
            b.Property<string>("Hash").IsRequired().HasMaxLength(64).HasColumnName("hash");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTimeOffset?>("RevokedAt").HasColumnName("revoked_at");
            b.HasKey("Id");
            b.HasIndex("Hash").IsUnique();
            b.HasIndex("Prefix").IsUnique();
            b.ToTable("api_keys");
        });

        modelBuilder.Entity("Invoicing.Domain.Counterparties.Counterparty", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Name").IsRequired().HasMaxLength(200).HasColumnName("name");
            b.Property<string>("Email").HasMaxLength(254).HasColumnName("email");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnName("created_at");
            b.HasKey("Id");
            b.HasIndex("Environment", "Id");
            b.ToTable("counterparties");
        });

        modelBuilder.Entity("Invoicing.Domain.Invoices.Invoice", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Status").IsConcurrencyToken().IsRequired().HasMaxLength(8).HasColumnName("status");
            b.Property<long>("AmountCents").HasColumnName("amount_cents");
            b.Property<long>("DiscountAmountCents").HasColumnName("discount_amount_cents");
            b.Property<string>("Currency").IsRequired().HasMaxLength(3).HasColumnName("currency");
            b.Property<DateOnly>("InvoiceDate").HasColumnName("invoice_date");
            b.Property<DateOnly>("InvoiceDueDate").HasColumnName("invoice_due_date");
            b.Property<string>("InvoiceNumber").IsRequired().HasMaxLength(64).HasColumnName("invoice_number");
            b.Property<string>("Note").HasMaxLength(1000).HasColumnName("note");
            b.Property<Guid>("OriginatingCounterpartyId").HasColumnName("originating_counterparty_id");
            b.Property<Guid>("ReceivingCounterpartyId").HasColumnName("receiving_counterparty_id");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTimeOffset>("UpdatedAt").HasColumnName("updated_at");
            b.Property<DateTimeOffset?>("PaidAt").HasColumnName("paid_at");
            b.Property<DateTimeOffset?>("VoidedAt").HasColumnName("voided_at");
            b.HasKey("Id");
            b.HasIndex("OriginatingCounterpartyId");
            b.HasIndex("ReceivingCounterpartyId");
            b.HasIndex("Environment", "Id");
            b.HasIndex("Environment", "InvoiceDate", "Id");
            b.HasIndex("Environment", "OriginatingCounterpartyId", "Id");
            b.HasIndex("Environment", "ReceivingCounterpartyId", "Id");
            b.HasIndex("Environment", "Status", "Id");
            b.HasIndex("Environment", "OriginatingCounterpartyId", "InvoiceNumber").IsUnique().HasDatabaseName("UX_invoices_environment_originating_counterparty_number");
            b.ToTable("invoices");
        });

        modelBuilder.Entity("Invoicing.Infrastructure.Idempotency.IdempotencyRecord", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Key").IsRequired().HasMaxLength(255).HasColumnName("key");
            b.Property<string>("RequestMethod").IsRequired().HasMaxLength(16).HasColumnName("request_method");
            b.Property<string>("RequestPath").IsRequired().HasMaxLength(2048).HasColumnName("request_path");
            b.Property<string>("RequestHash").IsRequired().HasMaxLength(64).HasColumnName("request_hash");
            b.Property<Guid?>("LockToken").HasColumnName("lock_token");
            b.Property<DateTime?>("LockedAt").HasColumnName("locked_at");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("CompletedAt").HasColumnName("completed_at");
            b.Property<int?>("ResponseStatus").HasColumnName("response_status");
            b.Property<string>("ResponseContentType").HasMaxLength(255).HasColumnName("response_content_type");
            b.Property<string>("ResponseLocation").HasMaxLength(2048).HasColumnName("response_location");
            b.Property<byte[]>("ResponseBody").HasColumnName("response_body");
            b.HasKey("Id");
            b.HasIndex("CreatedAt");
            b.HasIndex("Environment", "Key").IsUnique().HasDatabaseName("UX_idempotency_keys_environment_key");
            b.ToTable("idempotency_keys");
        });

        modelBuilder.Entity("Invoicing.Domain.Events.Event", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Type").IsRequired().HasMaxLength(64).HasColumnName("type");
            b.Property<string>("Data").IsRequired().HasColumnName("data");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("DispatchedAt").HasColumnName("dispatched_at");
            b.HasKey("Id");
            b.HasIndex("Id").HasFilter("dispatched_at IS NULL").HasDatabaseName("IX_events_undispatched");
            b.HasIndex("Environment", "Id");
            b.HasIndex("Environment", "Type", "Id");
            b.ToTable("events");
        });

        modelBuilder.Entity("Invoicing.Domain.Webhooks.WebhookEndpoint", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<string>("Environment").IsRequired().HasMaxLength(4).HasColumnName("environment");
            b.Property<string>("Url").IsRequired().HasMaxLength(2048).HasColumnName("url");
            b.Property<string>("EnabledEvents").IsRequired().HasMaxLength(1000).HasColumnName("enabled_events");
            b.Property<string>("ProtectedSecret").IsRequired().HasMaxLength(200).HasColumnName("protected_secret");
            b.Property<DateTimeOffset>("CreatedAt").HasColumnName("created_at");
            b.HasKey("Id");
            b.HasIndex("Environment", "Id");
            b.ToTable("webhook_endpoints");
        });

        modelBuilder.Entity("Invoicing.Infrastructure.Webhooks.WebhookDelivery", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<Guid>("EventId").HasColumnName("event_id");
            b.Property<Guid>("WebhookEndpointId").HasColumnName("webhook_endpoint_id");
            b.Property<string>("Status").IsRequired().HasMaxLength(9).HasColumnName("status");
            b.Property<int>("AttemptCount").HasColumnName("attempt_count");
            b.Property<DateTime>("NextAttemptAt").HasColumnName("next_attempt_at");
            b.Property<DateTime>("CreatedAt").HasColumnName("created_at");
            b.Property<DateTime?>("CompletedAt").HasColumnName("completed_at");
            b.HasKey("Id");
            b.HasIndex("EventId");
            b.HasIndex("WebhookEndpointId");
            b.HasIndex("Status", "NextAttemptAt").HasDatabaseName("IX_webhook_deliveries_status_next_attempt_at");
            b.ToTable("webhook_deliveries");
        });

        modelBuilder.Entity("Invoicing.Infrastructure.Webhooks.WebhookDeliveryAttempt", b =>
        {
            b.Property<Guid>("Id").ValueGeneratedNever().HasColumnName("id");
            b.Property<Guid>("WebhookDeliveryId").HasColumnName("webhook_delivery_id");
            b.Property<DateTime>("AttemptedAt").HasColumnName("attempted_at");
            b.Property<int?>("ResponseStatus").HasColumnName("response_status");
            b.Property<int>("DurationMs").HasColumnName("duration_ms");
            b.Property<string>("ResponseBody").HasMaxLength(1000).HasColumnName("response_body");
            b.Property<string>("Error").HasMaxLength(200).HasColumnName("error");
            b.HasKey("Id");
            b.HasIndex("WebhookDeliveryId");
            b.ToTable("webhook_delivery_attempts");
        });

        modelBuilder.Entity("Invoicing.Domain.Invoices.Invoice", b =>
        {
            b.HasOne("Invoicing.Domain.Counterparties.Counterparty", null).WithMany().HasForeignKey("OriginatingCounterpartyId").OnDelete(DeleteBehavior.Restrict).IsRequired();
            b.HasOne("Invoicing.Domain.Counterparties.Counterparty", null).WithMany().HasForeignKey("ReceivingCounterpartyId").OnDelete(DeleteBehavior.Restrict).IsRequired();
        });

        modelBuilder.Entity("Invoicing.Infrastructure.Webhooks.WebhookDelivery", b =>
        {
            b.HasOne("Invoicing.Domain.Events.Event", null).WithMany().HasForeignKey("EventId").OnDelete(DeleteBehavior.Cascade).IsRequired();
            b.HasOne("Invoicing.Domain.Webhooks.WebhookEndpoint", null).WithMany().HasForeignKey("WebhookEndpointId").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });

        modelBuilder.Entity("Invoicing.Infrastructure.Webhooks.WebhookDeliveryAttempt", b =>
        {
            b.HasOne("Invoicing.Infrastructure.Webhooks.WebhookDelivery", null).WithMany().HasForeignKey("WebhookDeliveryId").HasConstraintName("FK_webhook_delivery_attempts_webhook_delivery_id").OnDelete(DeleteBehavior.Cascade).IsRequired();
        });
    }
}
