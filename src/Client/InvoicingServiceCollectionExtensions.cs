using Invoicing.Client;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="InvoicingClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class InvoicingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="InvoicingClient"/> as a typed client of <c>IHttpClientFactory</c>, configured by
    /// <paramref name="configure"/>. Inject <see cref="InvoicingClient"/> where it is needed. The returned
    /// builder configures the underlying <see cref="HttpClient"/> (handlers, the primary handler).
    /// </summary>
    public static IHttpClientBuilder AddInvoicingClient(this IServiceCollection services, Action<InvoicingClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<InvoicingClientOptions>().Configure(configure);
        return services.AddHttpClient<InvoicingClient, InvoicingClient>((httpClient, provider) =>
        {
            var options = provider.GetRequiredService<IOptions<InvoicingClientOptions>>().Value;

            // The client bounds every attempt itself (AttemptTimeout); the factory's 100 s default must not cut it shorter.
            httpClient.Timeout = Timeout.InfiniteTimeSpan;
            return new InvoicingClient(httpClient, options);
        });
    }
}
