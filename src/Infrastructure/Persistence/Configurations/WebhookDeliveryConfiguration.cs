using Invoicing.Domain.Events;
using Invoicing.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    /// <summary>The worker's claim reads pending deliveries in due order from here (docs/decisions/0017).</summary>
    public const string DueIndex = "IX_webhook_deliveries_status_next_attempt_at";

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Status).HasConversion<LowercaseEnumConverter<WebhookDeliveryStatus>>().HasMaxLength(9);

        builder.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.WebhookEndpointId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName(DueIndex);
        builder.HasIndex(d => d.EventId);
        builder.HasIndex(d => d.WebhookEndpointId);
    }
}
