using Invoicing.Client;

namespace Billing.Tests;

/// <summary>Our billing code's view of the Invoicing API, against the real service.</summary>
public sealed class InvoiceTests(InvoicingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invoice_between_two_counterparties_is_open_until_paid_and_cannot_be_paid_twice()
    {
        var client = fixture.Invoicing.TestClient;
        var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires", Email = "billing@acme.test" }, cancellationToken: Cancellation);
        var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex Fleet" }, cancellationToken: Cancellation);

        var invoice = await client.Invoices.CreateAsync(
            new()
            {
                AmountCents = 20000,
                DiscountAmountCents = 500,
                InvoiceDate = new DateOnly(2026, 11, 22),
                InvoiceDueDate = new DateOnly(2026, 12, 22),
                InvoiceNumber = $"INV-{Guid.NewGuid():N}",
                OriginatingCounterpartyId = acme.Id,
                ReceivingCounterpartyId = globex.Id,
            },
            cancellationToken: Cancellation);

        Assert.Equal(InvoiceStatus.Open, invoice.Status);
        Assert.Equal(19500, invoice.AmountDueCents);
        Assert.Equal("usd", invoice.Currency);

        var paid = await client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.NotNull(paid.PaidAt);

        var again = await Assert.ThrowsAsync<InvoicingException>(() => client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation));
        Assert.Equal(InvoicingErrorCodes.InvoiceStateConflict, again.Code);
    }

    [Fact]
    public async Task Live_data_is_kept_apart_from_test_data()
    {
        var created = await fixture.Invoicing.LiveClient.Counterparties.CreateAsync(new() { Name = "Initech" }, cancellationToken: Cancellation);

        Assert.Equal(InvoicingEnvironment.Live, created.Environment);
        var error = await Assert.ThrowsAsync<InvoicingException>(() => fixture.Invoicing.TestClient.Counterparties.GetAsync(created.Id, Cancellation));
        Assert.Equal(InvoicingErrorCodes.CounterpartyNotFound, error.Code);
    }
}
