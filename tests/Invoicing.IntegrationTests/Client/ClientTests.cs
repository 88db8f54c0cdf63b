using System.Net;
using Invoicing.Client;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Client;

/// <summary>Every method of Invoicing.Client against the real service in process: what it sends, what it reads back, and how it fails.</summary>
public abstract class ClientTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task Counterparties_are_created_read_and_listed_page_by_page()
    {
        var client = await Factory.InvoicingClientAsync();

        var withEmail = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires", Email = "billing@acme.test" }, cancellationToken: Cancellation);
        var created = new List<Counterparty> { withEmail };
        for (var i = 0; i < 4; i++)
        {
            created.Add(await client.Counterparties.CreateAsync(new() { Name = $"Globex {i}" }, cancellationToken: Cancellation));
        }

        withEmail.Object.ShouldBe("counterparty");
        withEmail.Environment.ShouldBe(InvoicingEnvironment.Test);
        withEmail.Name.ShouldBe("Acme Tires");
        withEmail.Email.ShouldBe("billing@acme.test");
        withEmail.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        created[1].Email.ShouldBeNull();
        (await client.Counterparties.GetAsync(withEmail.Id, Cancellation)).ShouldBe(withEmail);

        var newestFirst = created.Select(c => c.Id).Reverse().ToArray();
        var first = await client.Counterparties.ListAsync(new() { Limit = 2 }, Cancellation);
        first.Object.ShouldBe("list");
        first.HasMore.ShouldBeTrue();
        first.Data.Select(c => c.Id).ShouldBe(newestFirst[..2]);
        var second = await client.Counterparties.ListAsync(new() { Limit = 2, StartingAfter = first.Data[^1].Id }, Cancellation);
        second.Data.Select(c => c.Id).ShouldBe(newestFirst[2..4]);
        var back = await client.Counterparties.ListAsync(new() { Limit = 2, EndingBefore = second.Data[0].Id }, Cancellation);
        back.Data.Select(c => c.Id).ShouldBe(newestFirst[..2]);
        back.HasMore.ShouldBeFalse();

        var walked = await client.Counterparties.ListAllAsync(new() { Limit = 2 }, Cancellation).Select(c => c.Id).ToListAsync(Cancellation);
        var stored = await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync(c => c.Environment == ApiEnvironment.Test, Cancellation));
        walked.Count.ShouldBe(stored); // every page, to the end (the class's other tests add counterparties too)
        walked.ShouldBeUnique();
        walked.Take(5).ShouldBe(newestFirst);
        walked.ShouldBe(await client.Counterparties.ListAllAsync(new() { Limit = 100 }, Cancellation).Select(c => c.Id).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task An_invoice_round_trips_every_field_and_the_api_defaults()
    {
        var client = await Factory.InvoicingClientAsync(ApiEnvironment.Live);
        var (a, b) = await TwoCounterpartiesAsync(client);

        var full = await client.Invoices.CreateAsync(ClientFactory.Invoice(a, b, number: "INV-FULL-1"), cancellationToken: Cancellation);
        var minimal = await client.Invoices.CreateAsync(
            new()
            {
                AmountCents = 1000,
                InvoiceDate = new DateOnly(2026, 1, 31),
                InvoiceDueDate = new DateOnly(2026, 1, 31),
                InvoiceNumber = "INV-MIN-1",
                OriginatingCounterpartyId = a,
                ReceivingCounterpartyId = b,
            },
            cancellationToken: Cancellation);

        full.Object.ShouldBe("invoice");
        full.Environment.ShouldBe(InvoicingEnvironment.Live);
        full.Status.ShouldBe(InvoiceStatus.Open);
        (full.AmountCents, full.DiscountAmountCents, full.AmountDueCents, full.Currency).ShouldBe((20000L, 500L, 19500L, "eur"));
        (full.InvoiceDate, full.InvoiceDueDate).ShouldBe((new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 22)));
        (full.InvoiceNumber, full.Note).ShouldBe(("INV-FULL-1", "May’s Annual Tire Order"));
        (full.OriginatingCounterpartyId, full.ReceivingCounterpartyId).ShouldBe((a, b));
        full.UpdatedAt.ShouldBe(full.CreatedAt);
        (full.PaidAt, full.VoidedAt).ShouldBe((null, null));
        (minimal.Currency, minimal.DiscountAmountCents, minimal.AmountDueCents, minimal.Note).ShouldBe(("usd", 0L, 1000L, (string?)null));
        (await client.Invoices.GetAsync(full.Id, Cancellation)).ShouldBe(full);
    }

    [Fact]
    public async Task Pay_and_void_move_an_open_invoice_and_a_second_move_is_a_conflict()
    {
        var client = await Factory.InvoicingClientAsync();
        var (a, b) = await TwoCounterpartiesAsync(client);
        var toPay = await client.Invoices.CreateAsync(ClientFactory.Invoice(a, b), cancellationToken: Cancellation);
        var toVoid = await client.Invoices.CreateAsync(ClientFactory.Invoice(a, b), cancellationToken: Cancellation);

        var paid = await client.Invoices.PayAsync(toPay.Id, cancellationToken: Cancellation);
        var voided = await client.Invoices.VoidAsync(toVoid.Id, cancellationToken: Cancellation);

        paid.Status.ShouldBe(InvoiceStatus.Paid);
        paid.PaidAt.ShouldNotBeNull();
        paid.UpdatedAt.ShouldBe(paid.PaidAt.Value);
        paid.VoidedAt.ShouldBeNull();
        voided.Status.ShouldBe(InvoiceStatus.Void);
        voided.VoidedAt.ShouldNotBeNull();
        voided.PaidAt.ShouldBeNull();
        (await client.Invoices.GetAsync(toPay.Id, Cancellation)).ShouldBe(paid);

        var conflict = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.VoidAsync(toPay.Id, cancellationToken: Cancellation));
        conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        conflict.Code.ShouldBe(InvoicingErrorCodes.InvoiceStateConflict);
        conflict.Kind.ShouldBe(InvoicingErrorKind.Conflict);
        conflict.Detail.ShouldBe("The invoice is paid; only an open invoice can become void.");
        conflict.Errors.ShouldBeEmpty();
        conflict.Items.ShouldBeNull();
        conflict.RequestId.ShouldNotBeNull().ShouldStartWith("req_");
        conflict.IdempotencyKey.ShouldNotBeNullOrWhiteSpace();
        conflict.Attempts.ShouldBe(1);
        conflict.Message.ShouldContain("invoice_state_conflict");
        (await client.Invoices.GetAsync(toPay.Id, Cancellation)).ShouldBe(paid);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_with_their_own_codes()
    {
        var client = await Factory.InvoicingClientAsync();
        var id = Guid.CreateVersion7();

        var invoice = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.GetAsync(id, Cancellation));
        var counterparty = await Should.ThrowAsync<InvoicingException>(() => client.Counterparties.GetAsync(id, Cancellation));
        var pay = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.PayAsync(id, cancellationToken: Cancellation));

        (invoice.StatusCode, invoice.Code, invoice.Kind).ShouldBe((HttpStatusCode.NotFound, InvoicingErrorCodes.InvoiceNotFound, InvoicingErrorKind.NotFound));
        (counterparty.StatusCode, counterparty.Code).ShouldBe((HttpStatusCode.NotFound, InvoicingErrorCodes.CounterpartyNotFound));
        pay.Code.ShouldBe(InvoicingErrorCodes.InvoiceNotFound);
        invoice.IdempotencyKey.ShouldBeNull();
    }

    [Fact]
    public async Task Updates_send_only_the_members_assigned_so_null_clears_and_unset_leaves_alone()
    {
        var recorder = new RecordingHandler();
        var client = await Factory.InvoicingClientAsync(recorder: recorder);
        var (a, b) = await TwoCounterpartiesAsync(client);
        var created = await client.Invoices.CreateAsync(
            ClientFactory.Invoice(a, b) with { Note = "first", Metadata = new Dictionary<string, string> { ["order_id"] = "1", ["batch"] = "7" } },
            cancellationToken: Cancellation);
        created.Metadata.ShouldBe(new Dictionary<string, string> { ["batch"] = "7", ["order_id"] = "1" });

        // Only metadata is assigned: the note and the due date are not sent, so they stay.
        var merged = await client.Invoices.UpdateAsync(
            created.Id,
            new() { Metadata = new Dictionary<string, string?> { ["order_id"] = "2", ["batch"] = null } },
            Cancellation);
        merged.Note.ShouldBe("first");
        merged.InvoiceDueDate.ShouldBe(created.InvoiceDueDate);
        merged.Metadata.ShouldBe(new Dictionary<string, string> { ["order_id"] = "2" });

        // The note assigned null is sent as null, and cleared.
        var cleared = await client.Invoices.UpdateAsync(created.Id, new() { Note = null, InvoiceDueDate = created.InvoiceDueDate.AddDays(3) }, Cancellation);
        cleared.Note.ShouldBeNull();
        cleared.InvoiceDueDate.ShouldBe(created.InvoiceDueDate.AddDays(3));
        cleared.Metadata.ShouldBe(new Dictionary<string, string> { ["order_id"] = "2" });

        var bodies = recorder.Attempts.Where(x => x.Method == HttpMethod.Patch).Select(x => x.Body).ToList();
        bodies.ShouldBe(
            [
                """{"metadata":{"order_id":"2","batch":null}}""",
                $$"""{"invoice_due_date":"{{created.InvoiceDueDate.AddDays(3):yyyy-MM-dd}}","note":null}""",
            ]);

        var counterparty = await client.Counterparties.UpdateAsync(a, new() { Email = null, Metadata = Optional<IReadOnlyDictionary<string, string?>?>.Of(null) }, Cancellation);
        counterparty.Name.ShouldBe("A");
        counterparty.Email.ShouldBeNull();
        counterparty.Metadata.ShouldBeEmpty();
        recorder.Attempts.Last(x => x.Method == HttpMethod.Patch).Body.ShouldBe("""{"email":null,"metadata":null}""");

        var paid = await client.Invoices.PayAsync(created.Id, cancellationToken: Cancellation);
        var conflict = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.UpdateAsync(paid.Id, new() { Note = "late" }, Cancellation));
        conflict.Code.ShouldBe(InvoicingErrorCodes.InvoiceStateConflict);
    }

    [Fact]
    public async Task Validation_errors_carry_every_field_error_and_are_not_retried()
    {
        var recorder = new RecordingHandler();
        var client = await Factory.InvoicingClientAsync(recorder: recorder);
        var (a, _) = await TwoCounterpartiesAsync(client);
        var bad = ClientFactory.Invoice(a, a) with { AmountCents = 0, InvoiceDueDate = new DateOnly(2026, 11, 1), Currency = "EUR" };

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.CreateAsync(bad, cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind).ShouldBe((HttpStatusCode.BadRequest, InvoicingErrorCodes.InvalidRequest, InvoicingErrorKind.InvalidRequest));
        error.Errors.Select(e => $"{e.Field} {e.Code}").ShouldBe(
            ["amount_cents min_value", "currency invalid", "invoice_due_date invalid_relation", "receiving_counterparty_id invalid_relation"],
            ignoreOrder: true);
        error.Errors.Single(e => e.Field == "amount_cents").Message.ShouldBe("Ensure this value is greater than or equal to 1.");
        error.Items.ShouldBeNull();
        recorder.Attempts.Count(x => x.PathAndQuery == "/v1/invoices").ShouldBe(1);
    }

    [Fact]
    public async Task Invoice_lists_filter_by_status_counterparties_and_dates_and_walk_every_page()
    {
        var client = await Factory.InvoicingClientAsync();
        var (a, b) = await TwoCounterpartiesAsync(client);
        var c = (await client.Counterparties.CreateAsync(new() { Name = "C" }, cancellationToken: Cancellation)).Id;
        var january = await client.Invoices.CreateAsync(ClientFactory.Invoice(a, b, new DateOnly(2026, 1, 10)), cancellationToken: Cancellation);
        var february = await client.Invoices.PayAsync((await client.Invoices.CreateAsync(ClientFactory.Invoice(a, b, new DateOnly(2026, 2, 10)), cancellationToken: Cancellation)).Id, cancellationToken: Cancellation);
        var march = await client.Invoices.VoidAsync((await client.Invoices.CreateAsync(ClientFactory.Invoice(a, c, new DateOnly(2026, 3, 10)), cancellationToken: Cancellation)).Id, cancellationToken: Cancellation);
        var fromC = await client.Invoices.CreateAsync(ClientFactory.Invoice(c, a, new DateOnly(2026, 2, 20)), cancellationToken: Cancellation);

        async Task<Guid[]> Ids(InvoiceListOptions options) =>
            [.. (await client.Invoices.ListAsync(options, Cancellation)).Data.Select(i => i.Id)];

        (await Ids(new() { OriginatingCounterpartyId = a })).ShouldBe([march.Id, february.Id, january.Id]);
        (await Ids(new() { OriginatingCounterpartyId = a, Status = InvoiceStatus.Paid })).ShouldBe([february.Id]);
        (await Ids(new() { OriginatingCounterpartyId = a, Status = InvoiceStatus.Void })).ShouldBe([march.Id]);
        (await Ids(new() { ReceivingCounterpartyId = c })).ShouldBe([march.Id]);
        (await Ids(new() { ReceivingCounterpartyId = a, Status = InvoiceStatus.Open })).ShouldBe([fromC.Id]);
        (await Ids(new() { OriginatingCounterpartyId = a, InvoiceDateFrom = new DateOnly(2026, 2, 10) })).ShouldBe([march.Id, february.Id]);
        (await Ids(new() { OriginatingCounterpartyId = a, InvoiceDateTo = new DateOnly(2026, 2, 10) })).ShouldBe([february.Id, january.Id]);
        (await Ids(new() { InvoiceDateFrom = new DateOnly(2026, 2, 11), InvoiceDateTo = new DateOnly(2026, 3, 9), ReceivingCounterpartyId = a })).ShouldBe([fromC.Id]);
        (await Ids(new() { InvoiceNumber = february.InvoiceNumber })).ShouldBe([february.Id]);

        var page = await client.Invoices.ListAsync(new() { OriginatingCounterpartyId = a, Limit = 2 }, Cancellation);
        page.HasMore.ShouldBeTrue();
        page.Data.ShouldBe([march, february]);
        var last = await client.Invoices.ListAsync(new() { OriginatingCounterpartyId = a, Limit = 2, StartingAfter = february.Id }, Cancellation);
        (last.HasMore, last.Data.Single()).ShouldBe((false, january));
        (await Ids(new() { OriginatingCounterpartyId = a, EndingBefore = january.Id })).ShouldBe([march.Id, february.Id]);

        var walked = await client.Invoices.ListAllAsync(new() { OriginatingCounterpartyId = a, Limit = 1 }, Cancellation).ToListAsync(Cancellation);
        walked.ShouldBe([march, february, january]);
        (await client.Invoices.ListAllAsync(new() { OriginatingCounterpartyId = a, StartingAfter = march.Id }, Cancellation).ToListAsync(Cancellation))
            .ShouldBe([february, january]);
        await Should.ThrowAsync<ArgumentException>(async () =>
            await client.Invoices.ListAllAsync(new() { EndingBefore = march.Id }, Cancellation).ToListAsync(Cancellation));
    }

    [Fact]
    public async Task Lists_take_a_created_range_sent_as_RFC_3339_UTC()
    {
        using var slot = await CreationSlots.TakeAsync(Cancellation);
        await using var instance = Factory.OnSameDatabase(slot.Clock);
        var recorder = new RecordingHandler();
        var client = await instance.InvoicingClientAsync(recorder: recorder);
        async Task<Guid> CounterpartyAt(double at)
        {
            slot.MoveTo(at);
            return (await client.Counterparties.CreateAsync(new() { Name = $"At {at}" }, cancellationToken: Cancellation)).Id;
        }

        async Task<Invoice> InvoiceAt(double at, Guid from, Guid to, string? number = null)
        {
            slot.MoveTo(at);
            return await client.Invoices.CreateAsync(ClientFactory.Invoice(from, to, number: number), cancellationToken: Cancellation);
        }

        var (a, b) = (await CounterpartyAt(0), await CounterpartyAt(1));
        var first = await InvoiceAt(10, a, b);
        var second = await InvoiceAt(11.5, a, b);
        var third = await InvoiceAt(12, b, a, first.InvoiceNumber);

        // An offset is sent as UTC; the API compares whole seconds, so the listed CreatedAt of an item includes it.
        var from = slot.At(11).ToOffset(TimeSpan.FromHours(-3));
        (await client.Invoices.ListAsync(new() { CreatedGte = from, CreatedLte = second.CreatedAt }, Cancellation)).Data.ShouldBe([second]);
        recorder.Attempts.Last().PathAndQuery.ShouldBe(
            $"/v1/invoices?created%5Bgte%5D={Escaped(slot.At(11), "ss")}&created%5Blte%5D={Escaped(slot.At(11), "ss")}");
        (await client.Invoices.ListAsync(new() { CreatedGte = slot.At(10.25) }, Cancellation)).Data.ShouldBe([third, second]);
        recorder.Attempts.Last().PathAndQuery.ShouldBe($"/v1/invoices?created%5Bgte%5D={Escaped(slot.At(10.25), "ss.FFFFFFF")}");
        (await client.Invoices.ListAsync(new() { InvoiceNumber = first.InvoiceNumber, CreatedLte = slot.At(11), Status = InvoiceStatus.Open }, Cancellation)).Data.ShouldBe([first]);
        (await client.Invoices.ListAllAsync(new() { CreatedGte = slot.At(10), CreatedLte = slot.At(12), Limit = 1 }, Cancellation).ToListAsync(Cancellation))
            .ShouldBe([third, second, first]);

        (await client.Counterparties.ListAsync(new() { CreatedGte = slot.At(1), CreatedLte = slot.At(1) }, Cancellation)).Data.Select(c => c.Id).ShouldBe([b]);
        (await client.Counterparties.ListAllAsync(new() { CreatedGte = slot.At(0), CreatedLte = slot.At(2), Limit = 1 }, Cancellation).Select(c => c.Id).ToListAsync(Cancellation))
            .ShouldBe([b, a]);
        var events = await client.Events.ListAsync(new() { Type = InvoicingEventTypes.InvoiceCreated, CreatedGte = slot.At(11), CreatedLte = slot.At(12) }, Cancellation);
        events.Data.Select(e => e.Data.AsInvoice().Id).ShouldBe([third.Id, second.Id]);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.ListAsync(new() { CreatedGte = slot.At(12), CreatedLte = slot.At(11), Limit = 0 }, Cancellation));
        error.Errors.Select(e => e.Field).ShouldBe(["limit"]); // crossed bounds are no error: an empty list
        (await client.Invoices.ListAsync(new() { CreatedGte = slot.At(12), CreatedLte = slot.At(11) }, Cancellation)).Data.ShouldBeEmpty();

        static string Escaped(DateTimeOffset instant, string seconds) =>
            Uri.EscapeDataString(instant.UtcDateTime.ToString($"yyyy-MM-dd'T'HH:mm:{seconds}'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_bad_list_parameter_is_an_invalid_request_naming_it()
    {
        var client = await Factory.InvoicingClientAsync();

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.ListAsync(new() { Limit = 101, StartingAfter = Guid.CreateVersion7() }, Cancellation));

        error.Code.ShouldBe(InvoicingErrorCodes.InvalidRequest);
        error.Errors.Select(e => $"{e.Field} {e.Code}").ShouldBe(["limit max_value", "starting_after does_not_exist"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_batch_creates_every_invoice_in_order_or_exposes_the_items_errors_and_creates_none()
    {
        var client = await Factory.InvoicingClientAsync();
        var (a, b) = await TwoCounterpartiesAsync(client);
        CreateInvoiceRequest[] good = [ClientFactory.Invoice(a, b), ClientFactory.Invoice(b, a), ClientFactory.Invoice(a, b)];

        var created = await client.Invoices.CreateBatchAsync(good, cancellationToken: Cancellation);

        created.Select(i => i.InvoiceNumber).ShouldBe(good.Select(i => i.InvoiceNumber));
        created.ShouldAllBe(i => i.Status == InvoiceStatus.Open);
        (await client.Invoices.GetAsync(created[1].Id, Cancellation)).ShouldBe(created[1]);

        var (c, d) = await TwoCounterpartiesAsync(client);
        var missing = Guid.CreateVersion7();
        CreateInvoiceRequest[] bad =
        [
            ClientFactory.Invoice(c, d) with { AmountCents = 0, InvoiceDueDate = new DateOnly(2020, 1, 1) },
            ClientFactory.Invoice(missing, d),
            ClientFactory.Invoice(c, d),
        ];

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.CreateBatchAsync(bad, cancellationToken: Cancellation));

        (error.StatusCode, error.Code).ShouldBe((HttpStatusCode.BadRequest, InvoicingErrorCodes.InvalidRequest));
        error.Items.ShouldNotBeNull().Count.ShouldBe(3);
        error.Items[0].Keys.ShouldBe(["amount_cents", "invoice_due_date"], ignoreOrder: true);
        error.Items[0]["amount_cents"].ShouldBe(["Ensure this value is greater than or equal to 1."]);
        error.Items[0]["invoice_due_date"].ShouldBe(["Must be on or after invoice_date."]);
        error.Items[1].Keys.ShouldBe(["originating_counterparty_id"]);
        error.Items[1]["originating_counterparty_id"].ShouldBe([$"Invalid pk \"{missing:D}\" - object does not exist."]);
        error.Items[2].ShouldBeEmpty();
        error.Errors.Select(e => e.Field).ShouldBe(["[0].amount_cents", "[0].invoice_due_date", "[1].originating_counterparty_id"], ignoreOrder: true);
        (await client.Invoices.ListAsync(new() { ReceivingCounterpartyId = d }, Cancellation)).Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_key_is_an_authentication_failure_and_not_retried()
    {
        var recorder = new RecordingHandler();
        var client = new InvoicingClient(Factory.CreateDefaultClient(recorder), new() { ApiKey = "sk_test_" + new string('x', 32) });

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Counterparties.ListAsync(cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind).ShouldBe((HttpStatusCode.Unauthorized, InvoicingErrorCodes.Unauthorized, InvoicingErrorKind.Authentication));
        recorder.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AddInvoicingClient_registers_a_typed_client_of_the_http_client_factory()
    {
        var key = (await Factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var services = new ServiceCollection();
        services.AddInvoicingClient(o =>
            {
                o.ApiKey = key;
                o.BaseAddress = Factory.Server.BaseAddress;
            })
            .ConfigurePrimaryHttpMessageHandler(() => Factory.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<InvoicingClient>();
        var created = await client.Counterparties.CreateAsync(new() { Name = "Through the factory" }, cancellationToken: Cancellation);

        (await provider.GetRequiredService<InvoicingClient>().Counterparties.GetAsync(created.Id, Cancellation)).ShouldBe(created);
    }

    private static async Task<(Guid A, Guid B)> TwoCounterpartiesAsync(InvoicingClient client) =>
        ((await client.Counterparties.CreateAsync(new() { Name = "A" }, cancellationToken: Cancellation)).Id,
         (await client.Counterparties.CreateAsync(new() { Name = "B" }, cancellationToken: Cancellation)).Id);
}

public sealed class ClientTestsOnSqlite(SqliteApi api) : ClientTests(api), IClassFixture<SqliteApi>;

public sealed class ClientTestsOnPostgres(PostgresApi api) : ClientTests(api), IClassFixture<PostgresApi>;

public sealed class ClientTestsOnSqlServer(SqlServerApi api) : ClientTests(api), IClassFixture<SqlServerApi>;
