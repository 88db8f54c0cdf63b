using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>The event endpoints (§9), as <see cref="InvoicingClient.Events"/>.</summary>
public sealed class EventService
{
    private readonly ApiTransport _transport;

    internal EventService(ApiTransport transport) => _transport = transport;

    /// <summary><c>GET /v1/events/{id}</c>.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.EventNotFound"/> when there is none in the key's environment.</exception>
    public Task<InvoicingEvent> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<InvoicingEvent>($"v1/events/{id:D}", cancellationToken);

    /// <summary><c>GET /v1/events</c>: one page, newest first, only of <see cref="EventListOptions.Type"/> when it is set.</summary>
    public Task<ListPage<InvoicingEvent>> ListAsync(EventListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ListPage<InvoicingEvent>>(ApiTransport.PathWithQuery("v1/events", options), cancellationToken);

    /// <summary>
    /// Every event (of <see cref="EventListOptions.Type"/> when it is set), newest first, fetching page after page as
    /// the enumeration goes. Starts after <see cref="ListOptions.StartingAfter"/> when it is set.
    /// </summary>
    public IAsyncEnumerable<InvoicingEvent> ListAllAsync(EventListOptions? options = null, CancellationToken cancellationToken = default) =>
        Pages.WalkAsync<InvoicingEvent, EventListOptions>(options ?? new EventListOptions(), ListAsync, e => e.Id, cancellationToken);
}
