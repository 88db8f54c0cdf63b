using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>The invoice endpoints (§5), as <see cref="InvoicingClient.Invoices"/>.</summary>
public sealed class InvoiceService
{
    private readonly ApiTransport _transport;

    internal InvoiceService(ApiTransport transport) => _transport = transport;

    /// <summary><c>POST /v1/invoices</c>: creates an open invoice (retried safely under one idempotency key).</summary>
    /// <exception cref="InvoicingException">The API refused it (<see cref="InvoicingErrorCodes.InvalidRequest"/> with <see cref="InvoicingException.Errors"/>) or did not answer.</exception>
    public Task<Invoice> CreateAsync(CreateInvoiceRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PostAsync<Invoice>("v1/invoices", ApiTransport.Serialize(request), options, cancellationToken);
    }

    /// <summary>
    /// <c>POST /v1/invoices/batch</c>: creates 1 … 1000 invoices, all or none; returns them in request order.
    /// </summary>
    /// <exception cref="InvoicingException">
    /// When any item fails, nothing is created and <see cref="InvoicingException.Items"/> holds one entry per
    /// submitted invoice (empty for a good one).
    /// </exception>
    public Task<IReadOnlyList<Invoice>> CreateBatchAsync(IEnumerable<CreateInvoiceRequest> invoices, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        return _transport.PostAsync<IReadOnlyList<Invoice>>("v1/invoices/batch", ApiTransport.Serialize(invoices.ToArray()), options, cancellationToken);
    }

    /// <summary><c>GET /v1/invoices/{id}</c>.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.InvoiceNotFound"/> when there is none in the key's environment.</exception>
    public Task<Invoice> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Invoice>($"v1/invoices/{id:D}", cancellationToken);

    /// <summary><c>GET /v1/invoices</c>: one page, newest first, with the filters of <paramref name="options"/>.</summary>
    public Task<ListPage<Invoice>> ListAsync(InvoiceListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ListPage<Invoice>>(ApiTransport.PathWithQuery("v1/invoices", options), cancellationToken);

    /// <summary>
    /// Every invoice that matches the filters, newest first, fetching page after page as the enumeration goes.
    /// Starts after <see cref="ListOptions.StartingAfter"/> when it is set.
    /// </summary>
    public IAsyncEnumerable<Invoice> ListAllAsync(InvoiceListOptions? options = null, CancellationToken cancellationToken = default) =>
        Pages.WalkAsync<Invoice, InvoiceListOptions>(options ?? new InvoiceListOptions(), ListAsync, i => i.Id, cancellationToken);

    /// <summary>
    /// <c>PATCH /v1/invoices/{id}</c> (§10): sets the members <paramref name="request"/> assigns, clears those it assigns
    /// <see langword="null"/>, merges its metadata, leaves the rest alone; returns the whole invoice.
    /// </summary>
    /// <exception cref="InvoicingException">
    /// <see cref="InvoicingErrorCodes.InvoiceStateConflict"/> unless it is open; <see cref="InvoicingErrorCodes.InvalidRequest"/>;
    /// <see cref="InvoicingErrorCodes.InvoiceNotFound"/>.
    /// </exception>
    public Task<Invoice> UpdateAsync(Guid id, UpdateInvoiceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PatchAsync<Invoice>($"v1/invoices/{id:D}", ApiTransport.Serialize(request), cancellationToken);
    }

    /// <summary><c>POST /v1/invoices/{id}/pay</c>: an open invoice becomes paid; returns it with <see cref="Invoice.PaidAt"/>.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.InvoiceStateConflict"/> unless it was open; <see cref="InvoicingErrorCodes.InvoiceNotFound"/>.</exception>
    public Task<Invoice> PayAsync(Guid id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<Invoice>($"v1/invoices/{id:D}/pay", null, options, cancellationToken);

    /// <summary><c>POST /v1/invoices/{id}/void</c>: an open invoice becomes void; returns it with <see cref="Invoice.VoidedAt"/>.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.InvoiceStateConflict"/> unless it was open; <see cref="InvoicingErrorCodes.InvoiceNotFound"/>.</exception>
    public Task<Invoice> VoidAsync(Guid id, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<Invoice>($"v1/invoices/{id:D}/void", null, options, cancellationToken);
}
