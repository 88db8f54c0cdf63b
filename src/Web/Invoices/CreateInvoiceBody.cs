using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Invoicing.Domain.Invoices;

namespace Invoicing.Web.Invoices;

/// <summary>
/// The body of <c>POST /v1/invoices</c> (§5.1) as the OpenAPI document describes it. The action reads
/// the body as a <c>JsonElement</c> for per-field type errors; this type only documents it (ADR 0012).
/// </summary>
internal sealed class CreateInvoiceBody
{
    [Description("The amount in cents.")]
    [Range(Invoice.MinAmountCents, Invoice.MaxAmountCents)]
    public required long AmountCents { get; init; }

    [Description("Defaults to 0; at most `amount_cents` (otherwise `max_value`).")]
    [Range(0, Invoice.MaxAmountCents)]
    [DefaultValue(0L)]
    public long DiscountAmountCents { get; init; }

    [Description("Three lowercase letters (ISO 4217).")]
    [RegularExpression("^[a-z]{3}$")]
    [DefaultValue(Invoice.DefaultCurrency)]
    public string Currency { get; init; } = Invoice.DefaultCurrency;

    public required DateOnly InvoiceDate { get; init; }

    [Description("On or after `invoice_date` (otherwise `invalid_relation`).")]
    public required DateOnly InvoiceDueDate { get; init; }

    [Description("Not blank; unique per environment and originating counterparty (otherwise `unique`).")]
    [MinLength(1)]
    [MaxLength(Invoice.InvoiceNumberMaxLength)]
    public required string InvoiceNumber { get; init; }

    [Description("May be blank; `null` means none.")]
    [MaxLength(Invoice.NoteMaxLength)]
    public string? Note { get; init; }

    [Description("A counterparty in the key's environment (otherwise `does_not_exist`).")]
    public required Guid OriginatingCounterpartyId { get; init; }

    [Description("A counterparty in the key's environment, other than the originating one.")]
    public required Guid ReceivingCounterpartyId { get; init; }
}
