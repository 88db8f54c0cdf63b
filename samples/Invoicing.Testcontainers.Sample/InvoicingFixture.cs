using Invoicing.Testcontainers;

[assembly: AssemblyFixture(typeof(Billing.Tests.InvoicingFixture))]

namespace Billing.Tests;

/// <summary>
/// One Invoicing service (with its PostgreSQL) for the whole test assembly: started before the first test, removed after
/// the last, also when tests fail. Tests share it and stay apart by using the ids their own requests returned. The images
/// are the module's defaults unless the environment names others (this repository's CI does: it has no registry).
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
