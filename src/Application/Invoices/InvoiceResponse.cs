using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;

namespace Invoicing.Application.Invoices;

/// <summary>The invoice object of the contract (§5.1, §10).</summary>
public sealed record InvoiceResponse(
    Guid Id,
    ApiEnvironment Environment,
    InvoiceStatus Status,
    long AmountCents,
    long DiscountAmountCents,
    long AmountDueCents,
    string Currency,
    DateOnly InvoiceDate,
    DateOnly InvoiceDueDate,
    string InvoiceNumber,
    string? Note,
    Guid OriginatingCounterpartyId,
    Guid ReceivingCounterpartyId,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? VoidedAt)
{
    public static readonly Expression<Func<Invoice, InvoiceResponse>> Projection = i => new InvoiceResponse(
        i.Id,
        i.Environment,
        i.Status,
        i.AmountCents,
        i.DiscountAmountCents,
        i.AmountCents - i.DiscountAmountCents,
        i.Currency,
        i.InvoiceDate,
        i.InvoiceDueDate,
        i.InvoiceNumber,
        i.Note,
        i.OriginatingCounterpartyId,
        i.ReceivingCounterpartyId,
        i.Metadata,
        i.CreatedAt,
        i.UpdatedAt,
        i.PaidAt,
        i.VoidedAt);

    private static readonly Func<Invoice, InvoiceResponse> Map = Projection.Compile();

    [JsonPropertyOrder(-1)]
    public string Object => "invoice";

    public static InvoiceResponse From(Invoice invoice) => Map(invoice);
}
