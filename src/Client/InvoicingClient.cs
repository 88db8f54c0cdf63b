using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>
/// The Invoicing API from .NET: <see cref="Counterparties"/>, <see cref="Invoices"/>, <see cref="Events"/> and
/// <see cref="WebhookEndpoints"/> have one typed method per endpoint. Every failure is an <see cref="InvoicingException"/>. Transient failures (no answer, 5xx,
/// 429, a still-running idempotent request) are retried with exponential backoff and jitter, honouring
/// <c>Retry-After</c>, where that is safe: every <c>GET</c> and <c>DELETE</c>, and every <c>POST</c> under one
/// <c>Idempotency-Key</c> per call. Webhook deliveries are verified with <see cref="InvoicingWebhook"/>. Thread-safe; keep one per API key.
/// </summary>
public sealed class InvoicingClient
{
    /// <summary>One connection pool for clients made without an <see cref="HttpClient"/> (connections renewed for DNS changes).</summary>
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own InvoicingClientOptions.AttemptTimeout
    });

    /// <summary>A client on a shared, pooled <see cref="HttpClient"/>.</summary>
    /// <param name="options">At least <see cref="InvoicingClientOptions.ApiKey"/> and <see cref="InvoicingClientOptions.BaseAddress"/>.</param>
    public InvoicingClient(InvoicingClientOptions options)
        : this(SharedHttpClient.Value, options)
    {
    }

    /// <summary>
    /// A client on the given <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>; see
    /// <c>services.AddInvoicingClient</c>). Its <see cref="HttpClient.BaseAddress"/> is used when
    /// <see cref="InvoicingClientOptions.BaseAddress"/> is not set. The client never disposes it.
    /// </summary>
    public InvoicingClient(HttpClient httpClient, InvoicingClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var transport = new ApiTransport(httpClient, options.Validated(httpClient));
        Counterparties = new CounterpartyService(transport);
        Invoices = new InvoiceService(transport);
        Events = new EventService(transport);
        WebhookEndpoints = new WebhookEndpointService(transport);
    }

    /// <summary>Create, read and list counterparties.</summary>
    public CounterpartyService Counterparties { get; }

    /// <summary>Create (one or a batch), read, list, pay and void invoices.</summary>
    public InvoiceService Invoices { get; }

    /// <summary>Read and list events (what changed, §9).</summary>
    public EventService Events { get; }

    /// <summary>Create, read, list and delete webhook endpoints.</summary>
    public WebhookEndpointService WebhookEndpoints { get; }
}
