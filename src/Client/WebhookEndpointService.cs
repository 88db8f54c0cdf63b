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

    /// <summary>
    /// <c>PATCH /v1/webhook_endpoints/{id}</c>: changes the members set in <paramref name="request"/> (like every
    /// update, not repeated after an attempt whose outcome is unknown: another update may have come between). Disabling cancels the deliveries still owed to the endpoint.
    /// </summary>
    /// <exception cref="InvoicingException">
    /// <see cref="InvoicingErrorCodes.InvalidRequest"/> for a bad member (the rules of create);
    /// <see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> when there is none in the key's environment.
    /// </exception>
    public Task<WebhookEndpoint> UpdateAsync(Guid id, UpdateWebhookEndpointRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PatchAsync<WebhookEndpoint>($"v1/webhook_endpoints/{id:D}", ApiTransport.Serialize(request), cancellationToken);
    }

    /// <summary>
    /// <c>POST /v1/webhook_endpoints/{id}/roll_secret</c>: a new signing secret, in the result's
    /// <see cref="WebhookEndpoint.Secret"/> only (retried safely under one idempotency key, which replays the same
    /// secret). Deliveries from then on are signed with it; the old secret stops at once.
    /// </summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> when there is none in the key's environment.</exception>
    public Task<WebhookEndpoint> RollSecretAsync(Guid id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<WebhookEndpoint>($"v1/webhook_endpoints/{id:D}/roll_secret", null, options, cancellationToken);

    /// <summary><c>GET /v1/webhook_endpoints/{id}/delivery_attempts</c>: one page of the endpoint's delivery attempts, newest first.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> when there is none in the key's environment.</exception>
    public Task<ListPage<WebhookDeliveryAttempt>> ListDeliveryAttemptsAsync(Guid id, DeliveryAttemptListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ListPage<WebhookDeliveryAttempt>>(ApiTransport.PathWithQuery($"v1/webhook_endpoints/{id:D}/delivery_attempts", options), cancellationToken);

    /// <summary>Every delivery attempt of the endpoint (of <see cref="DeliveryAttemptListOptions.Event"/> when it is set), newest first, page after page.</summary>
    public IAsyncEnumerable<WebhookDeliveryAttempt> ListAllDeliveryAttemptsAsync(Guid id, DeliveryAttemptListOptions? options = null, CancellationToken cancellationToken = default) =>
        Pages.WalkAsync<WebhookDeliveryAttempt, DeliveryAttemptListOptions>(
            options ?? new DeliveryAttemptListOptions(), (page, ct) => ListDeliveryAttemptsAsync(id, page, ct), a => a.Id, cancellationToken);

    /// <summary>
    /// <c>POST /v1/webhook_endpoints/{id}/events/{event_id}/resend</c>: schedules one more delivery of the event to the
    /// endpoint, due at once (retried safely under one idempotency key, so it is scheduled once).
    /// </summary>
    /// <exception cref="InvoicingException">
    /// <see cref="InvoicingErrorCodes.WebhookEndpointNotFound"/> or <see cref="InvoicingErrorCodes.EventNotFound"/>;
    /// <see cref="InvoicingErrorCodes.WebhookEndpointDisabled"/> or <see cref="InvoicingErrorCodes.EventTypeNotEnabled"/>.
    /// </exception>
    public Task<WebhookDelivery> ResendEventAsync(Guid id, Guid eventId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<WebhookDelivery>($"v1/webhook_endpoints/{id:D}/events/{eventId:D}/resend", null, options, cancellationToken);
}
