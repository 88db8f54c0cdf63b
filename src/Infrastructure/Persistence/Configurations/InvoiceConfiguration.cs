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

    public const string OriginatingForeignKey = "FK_invoices_counterparties_originating";
    public const string ReceivingForeignKey = "FK_invoices_counterparties_receiving";

    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Environment).HasConversion<LowercaseEnumConverter<ApiEnvironment>>().HasMaxLength(4);
        // The status is the concurrency token: a lifecycle move updates "WHERE id = … AND status = 'open'",
        // so of two concurrent moves only one matches a row (docs/decisions/0008).
        builder.Property(i => i.Status).HasConversion<LowercaseEnumConverter<InvoiceStatus>>().HasMaxLength(8).IsConcurrencyToken();
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.InvoiceNumber).HasMaxLength(Invoice.InvoiceNumberMaxLength);
        builder.Property(i => i.Note).HasMaxLength(Invoice.NoteMaxLength);
        builder.Ignore(i => i.AmountDueCents);
        builder.Property(i => i.Metadata).HasMetadataConversion();

        // Both counterparties exist in the invoice's own environment: the database holds what validation checks, so a valid
        // create is written without asking first, and a refused one is validated again to say why (docs/decisions/0044).
        builder.HasOne<Counterparty>().WithMany()
            .HasForeignKey(i => new { i.Environment, i.OriginatingCounterpartyId }).HasPrincipalKey(c => new { c.Environment, c.Id })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName(OriginatingForeignKey);
        builder.HasOne<Counterparty>().WithMany()
            .HasForeignKey(i => new { i.Environment, i.ReceivingCounterpartyId }).HasPrincipalKey(c => new { c.Environment, c.Id })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName(ReceivingForeignKey);

        // An invoice number is unique per environment and originating counterparty (§5.1).
        builder.HasIndex(i => new { i.Environment, i.OriginatingCounterpartyId, i.InvoiceNumber }).IsUnique().HasDatabaseName(UniqueNumberIndex);

        // Lists (§6) walk newest first by id within one environment; each filter has an index that
        // leads with the environment and the filtered column and ends with the order key, so a page is
        // one range scan. A date range cannot also be in id order: see docs/decisions/0009. A created range
        // is a range of the id itself, so every one of these serves it in list order (docs/decisions/0040).
        builder.HasIndex(i => new { i.Environment, i.Id });
        builder.HasIndex(i => new { i.Environment, i.Status, i.Id });
        builder.HasIndex(i => new { i.Environment, i.OriginatingCounterpartyId, i.Id });
        builder.HasIndex(i => new { i.Environment, i.ReceivingCounterpartyId, i.Id });
        builder.HasIndex(i => new { i.Environment, i.InvoiceDate, i.Id });
        builder.HasIndex(i => new { i.Environment, i.InvoiceNumber, i.Id }); // the lookup by number (§10)
    }
}
