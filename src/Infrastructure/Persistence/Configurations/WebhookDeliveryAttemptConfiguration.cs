using Invoicing.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public const string ForeignKeyName = "FK_webhook_delivery_attempts_webhook_delivery_id";

    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ResponseBody).HasMaxLength(WebhookDeliveryAttempt.ResponseBodyMaxLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookDeliveryAttempt.ErrorMaxLength);
        builder.Ignore(a => a.Succeeded);

        // Named explicitly: the derived name is longer than PostgreSQL's 63-character identifiers.
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.WebhookDeliveryId).OnDelete(DeleteBehavior.Cascade).HasConstraintName(ForeignKeyName);
        builder.HasIndex(a => a.WebhookDeliveryId);
    }
}
