using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>The webhook endpoint endpoints (§9), as <see cref="InvoicingClient.WebhookEndpoints"/>.</summary>
public sealed class WebhookEndpointService
{
    private readonly ApiTransport _transport;

    internal WebhookEndpointService(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// <c>POST /v1/webhook_endpoints</c>: registers a URL for the key's environment's events (retried safely under
    /// one idempotency key). The result's <see cref="WebhookEndpoint.Secret"/> is the only time the secret is shown.
    /// </summary>
    /// <exception cref="InvoicingException">
    /// <see cref="InvoicingErrorCodes.InvalidRequest"/> for a bad <c>url</c> (also one on loopback or a private network,
    /// unless the service allows them) or <c>enabled_events</c>; or no answer.
    /// </exception>
    public Task<WebhookEndpoint> CreateAsync(CreateWebhookEndpointRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PostAsync<WebhookEndpoint>("v1/webhook_endpoints", ApiTransport.Serialize(request), options, cancellationToken);
    }

    /// <summary><c>GET /v1/webhook_endpoints/{id}</c> (without its secret).</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> when there is none in the key's environment.</exception>
    public Task<WebhookEndpoint> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<WebhookEndpoint>($"v1/webhook_endpoints/{id:D}", cancellationToken);

    /// <summary><c>GET /v1/webhook_endpoints</c>: one page, newest first (without secrets).</summary>
    public Task<ListPage<WebhookEndpoint>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ListPage<WebhookEndpoint>>(ApiTransport.PathWithQuery("v1/webhook_endpoints", options), cancellationToken);

    /// <summary>Every webhook endpoint of the key's environment, newest first, fetching page after page as the enumeration goes.</summary>
    public IAsyncEnumerable<WebhookEndpoint> ListAllAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        Pages.WalkAsync(options ?? new ListOptions(), ListAsync, w => w.Id, cancellationToken);

    /// <summary>
    /// <c>DELETE /v1/webhook_endpoints/{id}</c>: deletes the endpoint and drops the deliveries still owed to it.
    /// Retried like a <c>GET</c> (deleting twice deletes once). When an attempt got no answer or a 5xx, so that it
    /// may have deleted the endpoint, a retry's 404 <see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> counts
    /// as success: the endpoint is gone either way.
    /// </summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> when the first answer says there is none.</exception>
    public Task<DeletedWebhookEndpoint> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync(
            $"v1/webhook_endpoints/{id:D}",
            InvoicingErrorCodes.WebhookEndpointNotFound,
            () => new DeletedWebhookEndpoint { Id = id, Deleted = true },
            cancellationToken);
}
