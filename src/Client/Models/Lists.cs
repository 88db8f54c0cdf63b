using System.Globalization;
using System.Text.Json.Serialization;

namespace Invoicing.Client;

/// <summary>One page of a list (§6): newest first.</summary>
/// <typeparam name="T">The listed object.</typeparam>
public sealed record ListPage<T>
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "list";

    /// <summary>The page's items, newest first.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<T> Data { get; init; } = [];

    /// <summary>
    /// Whether there are more items beyond this page: older ones when walking with
    /// <see cref="ListOptions.StartingAfter"/> (or without a cursor), newer ones with <see cref="ListOptions.EndingBefore"/>.
    /// </summary>
    [JsonPropertyName("has_more")]
    public bool HasMore { get; init; }
}

/// <summary>Paging of a list (§6). Every member is optional.</summary>
public record ListOptions
{
    /// <summary>1 … 100 items per page; the API's default is 10.</summary>
    public int? Limit { get; init; }

    /// <summary>The last id of the previous page: the page holds the (older) items after it.</summary>
    public Guid? StartingAfter { get; init; }

    /// <summary>The first id of the previous page: the page holds the (newer) items before it.</summary>
    public Guid? EndingBefore { get; init; }

    /// <summary>The query parameters with their wire names, unescaped.</summary>
    internal virtual IEnumerable<KeyValuePair<string, string>> QueryParameters()
    {
        if (Limit is { } limit)
        {
            yield return new("limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (StartingAfter is { } after)
        {
            yield return new("starting_after", after.ToString("D"));
        }

        if (EndingBefore is { } before)
        {
            yield return new("ending_before", before.ToString("D"));
        }
    }

    /// <summary><c>created[gte]</c> / <c>created[lte]</c> when set, in RFC 3339 UTC (<c>2026-12-05T07:00:00.25Z</c>).</summary>
    internal static IEnumerable<KeyValuePair<string, string>> CreatedRange(DateTimeOffset? gte, DateTimeOffset? lte)
    {
        if (gte is { } from)
        {
            yield return new("created[gte]", Rfc3339(from));
        }

        if (lte is { } to)
        {
            yield return new("created[lte]", Rfc3339(to));
        }
    }

    private static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Paging and the created range of <c>GET /v1/counterparties</c> (§4, §10).</summary>
public sealed record CounterpartyListOptions : ListOptions
{
    /// <summary>
    /// Only counterparties created at or after this instant (<c>created[gte]</c>). The API compares whole seconds, as it
    /// writes <c>created_at</c>: a bound within a second starts at the next whole one.
    /// </summary>
    public DateTimeOffset? CreatedGte { get; init; }

    /// <summary>
    /// Only counterparties created at or before this instant (<c>created[lte]</c>), to the end of its second: the
    /// <see cref="Counterparty.CreatedAt"/> of one you have listed includes it.
    /// </summary>
    public DateTimeOffset? CreatedLte { get; init; }

    internal override IEnumerable<KeyValuePair<string, string>> QueryParameters() =>
        base.QueryParameters().Concat(CreatedRange(CreatedGte, CreatedLte));
}

/// <summary>Paging and filters of <c>GET /v1/invoices</c> (§5.2); filters combine with AND.</summary>
public sealed record InvoiceListOptions : ListOptions
{
    /// <summary>Only invoices with this status.</summary>
    public InvoiceStatus? Status { get; init; }

    /// <summary>Only invoices issued by this counterparty.</summary>
    public Guid? OriginatingCounterpartyId { get; init; }

    /// <summary>Only invoices received by this counterparty.</summary>
    public Guid? ReceivingCounterpartyId { get; init; }

    /// <summary>Only invoices dated on or after this day (<c>invoice_date[gte]</c>).</summary>
    public DateOnly? InvoiceDateFrom { get; init; }

    /// <summary>Only invoices dated on or before this day (<c>invoice_date[lte]</c>).</summary>
    public DateOnly? InvoiceDateTo { get; init; }

    /// <summary>Only invoices with exactly this number (<c>invoice_number</c>).</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>
    /// Only invoices created at or after this instant (<c>created[gte]</c>). The API compares whole seconds, as it
    /// writes <c>created_at</c>: a bound within a second starts at the next whole one.
    /// </summary>
    public DateTimeOffset? CreatedGte { get; init; }

    /// <summary>
    /// Only invoices created at or before this instant (<c>created[lte]</c>), to the end of its second: the
    /// <see cref="Invoice.CreatedAt"/> of one you have listed includes it.
    /// </summary>
    public DateTimeOffset? CreatedLte { get; init; }

    internal override IEnumerable<KeyValuePair<string, string>> QueryParameters()
    {
        foreach (var parameter in base.QueryParameters())
        {
            yield return parameter;
        }

        if (Status is { } status)
        {
            yield return new("status", status switch
            {
                InvoiceStatus.Open => "open",
                InvoiceStatus.Paid => "paid",
                InvoiceStatus.Void => "void",
                _ => throw new ArgumentOutOfRangeException(nameof(Status), status, "Not an invoice status."),
            });
        }

        if (OriginatingCounterpartyId is { } originating)
        {
            yield return new("originating_counterparty_id", originating.ToString("D"));
        }

        if (ReceivingCounterpartyId is { } receiving)
        {
            yield return new("receiving_counterparty_id", receiving.ToString("D"));
        }

        if (InvoiceDateFrom is { } from)
        {
            yield return new("invoice_date[gte]", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (InvoiceDateTo is { } to)
        {
            yield return new("invoice_date[lte]", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (InvoiceNumber is { } number)
        {
            yield return new("invoice_number", number);
        }

        foreach (var parameter in CreatedRange(CreatedGte, CreatedLte))
        {
            yield return parameter;
        }
    }
}

/// <summary>Options of one call that changes something (a <c>POST</c>).</summary>
public sealed record RequestOptions
{
    /// <summary>
    /// The <c>Idempotency-Key</c> to send (1–255 characters). Without one, the client makes a new key for the
    /// call (unless <see cref="InvoicingClientOptions.GenerateIdempotencyKeys"/> is off). Either way the key is
    /// reused by every retry of the call, and is on <see cref="InvoicingException.IdempotencyKey"/> if it fails.
    /// Pass your own to retry a call later, for example after a crash, without doing it twice.
    /// </summary>
    public string? IdempotencyKey { get; init; }
}
