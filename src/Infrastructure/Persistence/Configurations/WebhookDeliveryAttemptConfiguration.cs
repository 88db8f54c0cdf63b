using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public const string ForeignKeyName = "FK_webhook_delivery_attempts_webhook_delivery_id";
    public const string EndpointIndex = "IX_webhook_delivery_attempts_endpoint_id";
    public const string EndpointEventIndex = "IX_webhook_delivery_attempts_endpoint_event_id";

    /// <summary><c>connection_error</c>, <c>secret_unreadable</c>: the longest outcome with room to spare.</summary>
    public const int OutcomeMaxLength = 20;

    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ResponseBody).HasMaxLength(WebhookDeliveryAttempt.ResponseBodyMaxLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookDeliveryAttempt.ErrorMaxLength);
        builder.Property(a => a.Outcome)
            .HasConversion<SnakeCaseEnumConverter<WebhookAttemptOutcome>>()
            .HasMaxLength(OutcomeMaxLength);
        builder.Ignore(a => a.Succeeded);

        // Named explicitly: the derived name is longer than PostgreSQL's 63-character identifiers.
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.WebhookDeliveryId).OnDelete(DeleteBehavior.Cascade).HasConstraintName(ForeignKeyName);
        builder.HasIndex(a => a.WebhookDeliveryId);

        // An endpoint's attempts, newest first, optionally of one event: one indexed read per page (docs/decisions/0036).
        // Not foreign keys: the delivery's own cascade removes attempts with their endpoint or event.
        builder.HasIndex(a => new { a.WebhookEndpointId, a.Id }).HasDatabaseName(EndpointIndex);
        builder.HasIndex(a => new { a.WebhookEndpointId, a.EventId, a.Id }).HasDatabaseName(EndpointEventIndex);
    }
}
