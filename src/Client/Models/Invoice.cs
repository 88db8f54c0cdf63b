using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>An invoice as the API returns it (§5).</summary>
public sealed record Invoice
{
    /// <summary>The invoice's id (UUIDv7).</summary>
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    /// <summary>Always <c>invoice</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "invoice";

    /// <summary>The environment of the key that created it.</summary>
    [JsonPropertyName("environment")]
    public InvoicingEnvironment Environment { get; init; }

    /// <summary><see cref="InvoiceStatus.Open"/>, <see cref="InvoiceStatus.Paid"/> or <see cref="InvoiceStatus.Void"/>.</summary>
    [JsonPropertyName("status")]
    public InvoiceStatus Status { get; init; }

    /// <summary>The amount in the currency's smallest unit.</summary>
    [JsonPropertyName("amount_cents")]
    public long AmountCents { get; init; }

    /// <summary>The discount, 0 … <see cref="AmountCents"/>.</summary>
    [JsonPropertyName("discount_amount_cents")]
    public long DiscountAmountCents { get; init; }

    /// <summary><see cref="AmountCents"/> − <see cref="DiscountAmountCents"/>.</summary>
    [JsonPropertyName("amount_due_cents")]
    public long AmountDueCents { get; init; }

    /// <summary>Three lowercase letters (ISO 4217), <c>usd</c> unless another was given.</summary>
    [JsonPropertyName("currency")]
    public string Currency { get; init; } = "";

    /// <summary>The invoice date.</summary>
    [JsonPropertyName("invoice_date")]
    public DateOnly InvoiceDate { get; init; }

    /// <summary>The due date, on or after <see cref="InvoiceDate"/>.</summary>
    [JsonPropertyName("invoice_due_date")]
    public DateOnly InvoiceDueDate { get; init; }

    /// <summary>The invoice number, unique per environment and originating counterparty.</summary>
    [JsonPropertyName("invoice_number")]
    public string InvoiceNumber { get; init; } = "";

    /// <summary>The note, or <see langword="null"/> when none was given.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>The counterparty that issued the invoice.</summary>
    [JsonPropertyName("originating_counterparty_id")]
    public Guid OriginatingCounterpartyId { get; init; }

    /// <summary>The counterparty that receives the invoice.</summary>
    [JsonPropertyName("receiving_counterparty_id")]
    public Guid ReceivingCounterpartyId { get; init; }

    /// <summary>Your own key-value pairs (§10); empty when none.</summary>
    [JsonPropertyName("metadata")]
    public InvoicingMetadata Metadata { get; init; } = InvoicingMetadata.Empty;

    /// <summary>When it was created (UTC, whole seconds).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed (UTC, whole seconds).</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was paid; <see langword="null"/> unless <see cref="Status"/> is <see cref="InvoiceStatus.Paid"/>.</summary>
    [JsonPropertyName("paid_at")]
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>When it was voided; <see langword="null"/> unless <see cref="Status"/> is <see cref="InvoiceStatus.Void"/>.</summary>
    [JsonPropertyName("voided_at")]
    public DateTimeOffset? VoidedAt { get; init; }
}

/// <summary>The body of <c>POST /v1/invoices</c>, and one item of a batch (§5.1).</summary>
public sealed record CreateInvoiceRequest
{
    /// <summary>Required, 1 … 100000000000.</summary>
    [JsonPropertyName("amount_cents")]
    public required long AmountCents { get; init; }

    /// <summary>Optional, 0 … <see cref="AmountCents"/>; the API uses 0 when it is <see langword="null"/>.</summary>
    [JsonPropertyName("discount_amount_cents")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? DiscountAmountCents { get; init; }

    /// <summary>Optional, three lowercase letters; the API uses <c>usd</c> when it is <see langword="null"/>.</summary>
    [JsonPropertyName("currency")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    /// <summary>Required.</summary>
    [JsonPropertyName("invoice_date")]
    public required DateOnly InvoiceDate { get; init; }

    /// <summary>Required, on or after <see cref="InvoiceDate"/>.</summary>
    [JsonPropertyName("invoice_due_date")]
    public required DateOnly InvoiceDueDate { get; init; }

    /// <summary>Required, not blank, at most 64 characters.</summary>
    [JsonPropertyName("invoice_number")]
    public required string InvoiceNumber { get; init; }

    /// <summary>Optional, at most 1000 characters; <see langword="null"/> means none.</summary>
    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary>Required: a counterparty of the key's environment.</summary>
    [JsonPropertyName("originating_counterparty_id")]
    public required Guid OriginatingCounterpartyId { get; init; }

    /// <summary>Required: another counterparty of the key's environment.</summary>
    [JsonPropertyName("receiving_counterparty_id")]
    public required Guid ReceivingCounterpartyId { get; init; }

    /// <summary>
    /// Optional: your own key-value pairs (§10), at most 50 keys of 1–40 characters with values of at most 500 characters.
    /// A key with an empty value is not stored.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>
/// The body of <c>PATCH /v1/invoices/{id}</c> (§10); only an open invoice changes. Only the members you assign are
/// sent; the API leaves the others alone. Assigning <see langword="null"/> sends <c>null</c>, which clears
/// <see cref="Note"/>.
/// </summary>
public sealed record UpdateInvoiceRequest
{
    /// <summary>On or after the invoice's <see cref="Invoice.InvoiceDate"/>; it cannot be cleared.</summary>
    [JsonPropertyName("invoice_due_date")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<DateOnly> InvoiceDueDate { get; init; }

    /// <summary>At most 1000 characters, or <see langword="null"/> to remove it.</summary>
    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<string?> Note { get; init; }

    /// <summary>
    /// Merged into the stored metadata: each key is set, a key with <see langword="null"/> or <c>""</c> is removed, keys
    /// you do not name stay. <see langword="null"/> removes every key.
    /// </summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Optional<IReadOnlyDictionary<string, string?>?> Metadata { get; init; }
}
