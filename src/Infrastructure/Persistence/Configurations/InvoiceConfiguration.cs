using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invoicing.Infrastructure.Persistence.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    /// <summary>Named explicitly: the derived name is longer than PostgreSQL's 63-character identifiers.</summary>
    public const string UniqueNumberIndex = "UX_invoices_environment_originating_counterparty_number";

    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        builder.Property(i => i.Status).HasConversion<LowercaseEnumConverter<InvoiceStatus>>().HasMaxLength(8);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.InvoiceNumber).HasMaxLength(Invoice.InvoiceNumberMaxLength);
        builder.Property(i => i.Note).HasMaxLength(Invoice.NoteMaxLength);
        builder.Ignore(i => i.AmountDueCents);

        builder.HasOne<Counterparty>().WithMany().HasForeignKey(i => i.OriginatingCounterpartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(i => i.ReceivingCounterpartyId).OnDelete(DeleteBehavior.Restrict);

        // An invoice number is unique per environment and originating counterparty (§5.1).
        builder.HasIndex(i => new { i.Environment, i.OriginatingCounterpartyId, i.InvoiceNumber }).IsUnique().HasDatabaseName(UniqueNumberIndex);
        builder.HasIndex(i => i.OriginatingCounterpartyId);
        builder.HasIndex(i => i.ReceivingCounterpartyId);
    }
}
