using System.Threading.Channels;
using Invoicing.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Billing.Tests;

/// <summary>Our webhook handling against real deliveries: the receiver listens where the service's container reaches it.</summary>
public sealed class WebhookTests(InvoicingFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_invoice_reaches_our_receiver_signed_with_the_endpoints_secret()
    {
        var invoicing = fixture.Invoicing;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{invoicing.HostAddress}:0"); // a free port on the network's gateway
        await using var receiver = builder.Build();
        var deliveries = Channel.CreateUnbounded<(string Body, string Signature)>();
        receiver.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body); // the body exactly as received
            await deliveries.Writer.WriteAsync((await reader.ReadToEndAsync(), request.Headers[InvoicingWebhook.SignatureHeader].ToString()));
            return Results.Ok();
        });
        await receiver.StartAsync(Cancellation);

        var client = invoicing.TestClient;
        var endpoint = await client.WebhookEndpoints.CreateAsync(
            new() { Url = receiver.Urls.Single() + "/hooks", EnabledEvents = [InvoicingEventTypes.InvoicePaid] },
            cancellationToken: Cancellation);
        var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires" }, cancellationToken: Cancellation);
        var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex Fleet" }, cancellationToken: Cancellation);
        var invoice = await client.Invoices.CreateAsync(
            new()
            {
                AmountCents = 5000,
                InvoiceDate = new DateOnly(2026, 11, 22),
                InvoiceDueDate = new DateOnly(2026, 11, 29),
                InvoiceNumber = $"INV-{Guid.NewGuid():N}",
                OriginatingCounterpartyId = acme.Id,
                ReceivingCounterpartyId = globex.Id,
            },
            cancellationToken: Cancellation);
        await client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation);

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        // The service is shared by the whole test assembly, so other tests' paid invoices reach this endpoint too: every
        // delivery must verify, and ours must be among them.
        InvoicingEvent evt;
        do
        {
            var (body, signature) = await deliveries.Reader.ReadAsync(wait.Token);
            evt = InvoicingWebhook.ConstructEvent(body, signature, endpoint.Secret!);
            Assert.Equal(InvoicingEventTypes.InvoicePaid, evt.Type);
        }
        while (evt.Data.AsInvoice().Id != invoice.Id);

        Assert.Equal(InvoiceStatus.Paid, evt.Data.AsInvoice().Status);
    }
}
