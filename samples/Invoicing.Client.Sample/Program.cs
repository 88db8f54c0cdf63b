// A consumer of the Invoicing API through Invoicing.Client: two counterparties, an invoice, pay it, read its
// event, show how a refusal reads, and walk a list. Run the service first (dotnet run --project src/Web), then:
//
//   INVOICING_API_KEY=sk_test_… dotnet run --project samples/Invoicing.Client.Sample [-- http://localhost:5080]
using Invoicing.Client;

var apiKey = Environment.GetEnvironmentVariable("INVOICING_API_KEY");
if (string.IsNullOrWhiteSpace(apiKey))
{
    Console.Error.WriteLine("Set INVOICING_API_KEY to an API key (the service prints a test key on its first start).");
    return 2;
}

var client = new InvoicingClient(new InvoicingClientOptions
{
    ApiKey = apiKey,
    BaseAddress = new Uri(args.Length > 0 ? args[0] : "http://localhost:5080"),
});

try
{
    var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires", Email = "billing@acme.test" });
    var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex Fleet" });

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var invoice = await client.Invoices.CreateAsync(new()
    {
        AmountCents = 20000,
        DiscountAmountCents = 500,
        InvoiceDate = today,
        InvoiceDueDate = today.AddDays(30),
        InvoiceNumber = $"INV-{Guid.NewGuid():N}"[..16],
        Note = "Winter tires",
        OriginatingCounterpartyId = acme.Id,
        ReceivingCounterpartyId = globex.Id,
    });
    Console.WriteLine($"Created {invoice.InvoiceNumber}: {invoice.AmountDueCents} {invoice.Currency} cents due {invoice.InvoiceDueDate:yyyy-MM-dd}, {invoice.Status}.");

    var paid = await client.Invoices.PayAsync(invoice.Id);
    Console.WriteLine($"Paid at {paid.PaidAt:yyyy-MM-ddTHH:mm:ssZ}.");

    // Every change is an event; data.object is the resource right after it, read typed.
    var latest = (await client.Events.ListAsync(new() { Type = InvoicingEventTypes.InvoicePaid, Limit = 1 })).Data[0];
    Console.WriteLine($"Latest event: {latest.Type} of {latest.Data.AsInvoice().InvoiceNumber} at {latest.CreatedAt:yyyy-MM-ddTHH:mm:ssZ}.");

    try
    {
        await client.Invoices.VoidAsync(invoice.Id);
    }
    catch (InvoicingException e) when (e.Code == InvoicingErrorCodes.InvoiceStateConflict)
    {
        Console.WriteLine($"Voiding it now is refused, as it should be: {e.Detail}");
    }

    Console.WriteLine("Paid invoices from Acme Tires:");
    await foreach (var each in client.Invoices.ListAllAsync(new() { OriginatingCounterpartyId = acme.Id, Status = InvoiceStatus.Paid }))
    {
        Console.WriteLine($"  {each.InvoiceNumber}  {each.AmountDueCents,8} {each.Currency}  paid {each.PaidAt:yyyy-MM-dd}");
    }

    return 0;
}
catch (InvoicingException e)
{
    // Branch on Code where it matters; Kind classifies any code, known or not, by its HTTP status.
    Console.Error.WriteLine(e.Kind switch
    {
        InvoicingErrorKind.Authentication => "The API key was refused; check INVOICING_API_KEY.",
        InvoicingErrorKind.Network => $"The service did not answer ({e.Detail}). Is it running?",
        InvoicingErrorKind.InvalidRequest => $"Refused: {string.Join("; ", e.Errors.Select(f => $"{f.Field}: {f.Message}"))}",
        _ => e.Message,
    });
    return 1;
}
