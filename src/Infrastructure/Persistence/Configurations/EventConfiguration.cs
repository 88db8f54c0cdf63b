using Invoicing.Domain.Common;
using Invoicing.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public const string DispatchedAt = "DispatchedAt";
    public const string UndispatchedIndex = "IX_events_undispatched";

    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(e => e.Type).HasMaxLength(Event.TypeMaxLength);
        builder.Property(e => e.PreviousAttributes).IsRequired(false);

        // When the delivery worker fanned the event out to the endpoints (docs/decisions/0020); null until then.
        // Internal to delivery, so a shadow property, not part of the domain's event. The filtered index holds only
        // the undispatched events: the worker's claim reads a few rows, however many events are stored.
        builder.Property<DateTime?>(DispatchedAt);
        builder.HasIndex(e => e.Id).HasFilter("dispatched_at IS NULL").HasDatabaseName(UndispatchedIndex);

        // The list walks newest first by id within one environment, optionally of one type (docs/decisions/0009).
        builder.HasIndex(e => new { e.Environment, e.Id });
        builder.HasIndex(e => new { e.Environment, e.Type, e.Id });
    }
}
