using System.Runtime.CompilerServices;
using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>The counterparty endpoints (§4), as <see cref="InvoicingClient.Counterparties"/>.</summary>
public sealed class CounterpartyService
{
    private readonly ApiTransport _transport;

    internal CounterpartyService(ApiTransport transport) => _transport = transport;

    /// <summary><c>POST /v1/counterparties</c>: creates a counterparty (retried safely under one idempotency key).</summary>
    /// <exception cref="InvoicingException">The API refused it (for example <see cref="InvoicingErrorCodes.InvalidRequest"/>) or did not answer.</exception>
    public Task<Counterparty> CreateAsync(CreateCounterpartyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PostAsync<Counterparty>("v1/counterparties", ApiTransport.Serialize(request), options, cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /v1/counterparties/{id}</c> (§10): sets the members <paramref name="request"/> assigns, clears those it
    /// assigns <see langword="null"/>, merges its metadata, leaves the rest alone; returns the whole counterparty.
    /// </summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.InvalidRequest"/>; <see cref="InvoicingErrorCodes.CounterpartyNotFound"/>.</exception>
    public Task<Counterparty> UpdateAsync(Guid id, UpdateCounterpartyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _transport.PatchAsync<Counterparty>($"v1/counterparties/{id:D}", ApiTransport.Serialize(request), cancellationToken);
    }

    /// <summary><c>GET /v1/counterparties/{id}</c>.</summary>
    /// <exception cref="InvoicingException"><see cref="InvoicingErrorCodes.CounterpartyNotFound"/> when there is none in the key's environment.</exception>
    public Task<Counterparty> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Counterparty>($"v1/counterparties/{id:D}", cancellationToken);

    /// <summary><c>GET /v1/counterparties</c>: one page, newest first, only created within <see cref="CounterpartyListOptions.CreatedGte"/> … <see cref="CounterpartyListOptions.CreatedLte"/> when set.</summary>
    public Task<ListPage<Counterparty>> ListAsync(CounterpartyListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<ListPage<Counterparty>>(ApiTransport.PathWithQuery("v1/counterparties", options), cancellationToken);

    /// <summary>
    /// Every counterparty, newest first, fetching page after page (of <see cref="ListOptions.Limit"/> items)
    /// as the enumeration goes. Starts after <see cref="ListOptions.StartingAfter"/> when it is set.
    /// </summary>
    public IAsyncEnumerable<Counterparty> ListAllAsync(CounterpartyListOptions? options = null, CancellationToken cancellationToken = default) =>
        Pages.WalkAsync<Counterparty, CounterpartyListOptions>(options ?? new CounterpartyListOptions(), ListAsync, c => c.Id, cancellationToken);
}

/// <summary>Walks a list forwards with <c>starting_after</c> until <c>has_more</c> is false.</summary>
internal static class Pages
{
    public static async IAsyncEnumerable<T> WalkAsync<T, TOptions>(
        TOptions options,
        Func<TOptions, CancellationToken, Task<ListPage<T>>> list,
        Func<T, Guid> id,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TOptions : ListOptions
    {
        if (options.EndingBefore is not null)
        {
            throw new ArgumentException("ListAllAsync walks from newest to oldest; use StartingAfter, not EndingBefore.", nameof(options));
        }

        while (true)
        {
            var page = await list(options, cancellationToken);
            foreach (var item in page.Data)
            {
                yield return item;
            }

            if (!page.HasMore || page.Data.Count == 0)
            {
                yield break;
            }

            options = options with { StartingAfter = id(page.Data[^1]) };
        }
    }
}
