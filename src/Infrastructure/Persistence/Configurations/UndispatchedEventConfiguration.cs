using Invoicing.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class UndispatchedEventConfiguration : IEntityTypeConfiguration<UndispatchedEvent>
{
    public void Configure(EntityTypeBuilder<UndispatchedEvent> builder)
    {
        // No foreign key to events: the row is written by the event's own save and read by joining on the key, and a
        // key to a row of the same save would keep both out of the bulk path (BulkInsert.CanCopy).
        builder.ToTable("undispatched_events");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.EventId).ValueGeneratedNever();
    }
}
