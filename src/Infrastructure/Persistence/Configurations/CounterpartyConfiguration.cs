using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class CounterpartyConfiguration : IEntityTypeConfiguration<Counterparty>
{
    public void Configure(EntityTypeBuilder<Counterparty> builder)
    {
        builder.ToTable("counterparties");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(c => c.Name).HasMaxLength(Counterparty.NameMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Counterparty.EmailMaxLength);
        builder.Property(c => c.Metadata).HasMetadataConversion();

        // The list (§6) walks newest first by id within one environment (docs/decisions/0009); unique, so that an invoice's
        // references can name the environment with the id (docs/decisions/0044).
        builder.HasAlternateKey(c => new { c.Environment, c.Id }).HasName("AK_counterparties_environment_id");
    }
}
