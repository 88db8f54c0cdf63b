using Invoicing.Domain.Common;
using Invoicing.Domain.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(e => e.Type).HasMaxLength(Event.TypeMaxLength);
        builder.Property(e => e.PreviousAttributes).IsRequired(false);

        // The list walks newest first by id within one environment, optionally of one type (docs/decisions/0009).
        builder.HasIndex(e => new { e.Environment, e.Id });
        builder.HasIndex(e => new { e.Environment, e.Type, e.Id });
    }
}
