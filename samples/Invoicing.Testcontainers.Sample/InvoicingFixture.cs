using Invoicing.Testcontainers;

namespace Billing.Tests;

/// <summary>
/// One Invoicing service (with its PostgreSQL) for every test of a class: started before the first test, removed after
/// the last. The images are the module's defaults unless the environment names others (this repository's CI does).
/// </summary>
public sealed class InvoicingFixture : IAsyncLifetime
{
    public InvoicingContainer Invoicing { get; } = new InvoicingBuilder()
        .WithImage(Environment.GetEnvironmentVariable("INVOICING_TESTS_SERVICE_IMAGE") ?? InvoicingBuilder.DefaultImage)
        .WithPostgreSqlImage(Environment.GetEnvironmentVariable("INVOICING_TESTS_POSTGRES_IMAGE") ?? InvoicingBuilder.DefaultPostgreSqlImage)
        .Build();

    public async ValueTask InitializeAsync() => await Invoicing.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => Invoicing.DisposeAsync();
}
