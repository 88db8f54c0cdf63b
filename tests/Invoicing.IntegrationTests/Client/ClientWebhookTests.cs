using System.Collections.Concurrent;
using System.Net;
using Invoicing.Client;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookDelivery = Invoicing.Domain.Webhooks.WebhookDelivery;
using WebhookDeliveryStatus = Invoicing.Domain.Webhooks.WebhookDeliveryStatus;

namespace Invoicing.IntegrationTests.Client;

/// <summary>
/// Events, webhook endpoints and webhook receiving with Invoicing.Client against the real service in process, which
/// allows loopback webhook URLs and runs its delivery worker only when a test says so, on a clock of the test's.
/// </summary>
public abstract class ClientWebhookTests(WebhookApi api) : ApiTests(api)
{
    private ManualClock Clock => api.Clock;

    [Fact]
    public async Task Webhook_endpoints_are_created_with_their_secret_once_read_listed_and_deleted()
    {
        var client = await Factory.InvoicingClientAsync();

        var created = await client.WebhookEndpoints.CreateAsync(
            new() { Url = "http://127.0.0.1:9/hooks", EnabledEvents = [InvoicingEventTypes.InvoicePaid, InvoicingEventTypes.InvoiceVoided] },
            cancellationToken: Cancellation);
        var all = await client.WebhookEndpoints.CreateAsync(new() { Url = "https://example.com/all", EnabledEvents = [InvoicingEventTypes.All] }, cancellationToken: Cancellation);
        try
        {
            created.Object.ShouldBe("webhook_endpoint");
            created.Environment.ShouldBe(InvoicingEnvironment.Test);
            created.Url.ShouldBe("http://127.0.0.1:9/hooks");
            created.EnabledEvents.ShouldBe(["invoice.paid", "invoice.voided"]);
            created.Secret.ShouldNotBeNull().ShouldStartWith("whsec_");
            created.Secret.ShouldNotBe(all.Secret);
            all.EnabledEvents.ShouldBe(["*"]);

            var read = await client.WebhookEndpoints.GetAsync(created.Id, Cancellation);
            Shape(read).ShouldBe(Shape(created with { Secret = null }));

            var page = await client.WebhookEndpoints.ListAsync(new() { Limit = 1 }, Cancellation);
            Shape(page.Data.ShouldHaveSingleItem()).ShouldBe(Shape(all with { Secret = null }));
            page.HasMore.ShouldBeTrue();
            var walked = await client.WebhookEndpoints.ListAllAsync(new() { Limit = 1 }, Cancellation).ToListAsync(Cancellation);
            walked.Select(w => w.Id).Take(2).ShouldBe([all.Id, created.Id]);
            walked.ShouldAllBe(w => w.Secret == null);

            var deleted = await client.WebhookEndpoints.DeleteAsync(created.Id, Cancellation);
            (deleted.Id, deleted.Object, deleted.Deleted).ShouldBe((created.Id, "webhook_endpoint", true));
            (await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.GetAsync(created.Id, Cancellation)))
                .Code.ShouldBe(InvoicingErrorCodes.WebhookEndpointNotFound);

            // A DELETE whose first answer is 404 fails: only a retry's 404 counts as deleted.
            var again = await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.DeleteAsync(created.Id, Cancellation));
            (again.StatusCode, again.Code, again.Kind, again.Attempts).ShouldBe((HttpStatusCode.NotFound, InvoicingErrorCodes.WebhookEndpointNotFound, InvoicingErrorKind.NotFound, 1));
            (await client.WebhookEndpoints.ListAllAsync(cancellationToken: Cancellation).Select(w => w.Id).ToListAsync(Cancellation)).ShouldNotContain(created.Id);
        }
        finally
        {
            await DeleteQuietlyAsync(client, all.Id);
        }
    }

    [Fact]
    public async Task A_refused_webhook_endpoint_names_its_field()
    {
        var client = await Factory.InvoicingClientAsync();

        var error = await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.CreateAsync(
            new() { Url = "ftp://example.com/hooks", EnabledEvents = ["invoice.refunded"] }, cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Attempts).ShouldBe((HttpStatusCode.BadRequest, InvoicingErrorCodes.InvalidRequest, 1));
        error.Errors.Select(e => e.Field).ShouldContain("url");
        error.Errors.Select(e => e.Field).ShouldContain(f => f.StartsWith("enabled_events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_are_read_listed_by_type_and_their_data_reads_as_the_resource()
    {
        var client = await Factory.InvoicingClientAsync();
        var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires" }, cancellationToken: Cancellation);
        var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex" }, cancellationToken: Cancellation);
        var invoice = await client.Invoices.CreateAsync(ClientFactory.Invoice(acme.Id, globex.Id), cancellationToken: Cancellation);
        var paid = await client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation);

        var newest = await client.Events.ListAsync(new() { Limit = 4 }, Cancellation);
        newest.Data.Select(e => e.Type).ShouldBe([InvoicingEventTypes.InvoicePaid, InvoicingEventTypes.InvoiceCreated, InvoicingEventTypes.CounterpartyCreated, InvoicingEventTypes.CounterpartyCreated]);
        newest.Data.ShouldAllBe(e => e.Object == "event" && e.Environment == InvoicingEnvironment.Test);

        var paidEvent = newest.Data[0];
        paidEvent.Data.ObjectType.ShouldBe("invoice");
        paidEvent.Data.AsInvoice().ShouldBe(await client.Invoices.GetAsync(invoice.Id, Cancellation));
        paidEvent.Data.AsInvoice().ShouldBe(paid);
        newest.Data[1].Data.AsInvoice().ShouldBe(invoice); // as it was then: open, not as it is now
        newest.Data[2].Data.AsCounterparty().ShouldBe(globex);
        newest.Data[3].Data.AsCounterparty().ShouldBe(acme);
        Should.Throw<InvalidOperationException>(() => newest.Data[2].Data.AsInvoice());

        var read = await client.Events.GetAsync(paidEvent.Id, Cancellation);
        (read.Id, read.Type, read.Environment, read.CreatedAt).ShouldBe((paidEvent.Id, paidEvent.Type, paidEvent.Environment, paidEvent.CreatedAt));
        read.Data.AsInvoice().ShouldBe(paid);

        var created = await client.Events.ListAsync(new() { Type = InvoicingEventTypes.InvoiceCreated, Limit = 1 }, Cancellation);
        created.Data.ShouldHaveSingleItem().Data.AsInvoice().Id.ShouldBe(invoice.Id);
        var walked = await client.Events.ListAllAsync(new() { Type = InvoicingEventTypes.CounterpartyCreated, Limit = 1 }, Cancellation).ToListAsync(Cancellation);
        walked.ShouldAllBe(e => e.Type == InvoicingEventTypes.CounterpartyCreated);
        walked.Select(e => e.Data.AsCounterparty().Id).Take(2).ShouldBe([globex.Id, acme.Id]);
        var stored = await Factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.Type == "counterparty.created" && e.Environment == Domain.Common.ApiEnvironment.Test, Cancellation));
        walked.Count.ShouldBe(stored);
    }

    [Fact]
    public async Task Unknown_events_and_bad_type_filters_fail_with_their_codes()
    {
        var client = await Factory.InvoicingClientAsync();

        var missing = await Should.ThrowAsync<InvoicingException>(() => client.Events.GetAsync(Guid.CreateVersion7(), Cancellation));
        (missing.StatusCode, missing.Code, missing.Kind).ShouldBe((HttpStatusCode.NotFound, InvoicingErrorCodes.EventNotFound, InvoicingErrorKind.NotFound));

        var filter = await Should.ThrowAsync<InvoicingException>(() => client.Events.ListAsync(new() { Type = "invoice.refunded" }, Cancellation));
        (filter.Code, filter.Attempts).ShouldBe((InvoicingErrorCodes.InvalidRequest, 1));
        filter.Errors.ShouldHaveSingleItem().Field.ShouldBe("type");
    }

    [Fact]
    public async Task A_receiver_verifies_and_reads_each_delivery_with_the_client_helper_and_refuses_a_wrong_secret()
    {
        var client = await Factory.InvoicingClientAsync();
        await using var receiver = await VerifyingReceiver.StartAsync(Clock);
        // An endpoint receives the events created from its own creation on (docs/decisions/0020); the clock is
        // frozen, so it moves on first, or the earlier tests' events would share the endpoint's creation time.
        Clock.Advance(TimeSpan.FromSeconds(1));
        var endpoint = await client.WebhookEndpoints.CreateAsync(
            new() { Url = receiver.Url, EnabledEvents = [InvoicingEventTypes.InvoiceCreated, InvoicingEventTypes.InvoicePaid] },
            cancellationToken: Cancellation);
        try
        {
            receiver.Secret = "whsec_" + new string('x', 32); // not this endpoint's: every delivery is refused with a 400
            var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme" }, cancellationToken: Cancellation);
            var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex" }, cancellationToken: Cancellation);
            var invoice = await client.Invoices.CreateAsync(ClientFactory.Invoice(acme.Id, globex.Id), cancellationToken: Cancellation);

            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            receiver.Accepted.ShouldBeEmpty();
            receiver.Refused.ShouldBe([InvoicingWebhookFailure.SignatureMismatch]);
            (await Factory.DbAsync(db => db.Set<WebhookDelivery>().SingleAsync(d => d.WebhookEndpointId == endpoint.Id, Cancellation))).Status.ShouldBe(WebhookDeliveryStatus.Pending);

            receiver.Secret = endpoint.Secret!;
            var paid = await client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation);
            Clock.Advance(TimeSpan.FromMinutes(2)); // past the first retry delay (½–1 minute)
            while (await Factory.RunWebhookPassAsync() > 0)
            {
            }

            receiver.Accepted.Select(e => e.Type).ShouldBe([InvoicingEventTypes.InvoiceCreated, InvoicingEventTypes.InvoicePaid], ignoreOrder: true);
            var created = receiver.Accepted.Single(e => e.Type == InvoicingEventTypes.InvoiceCreated);
            created.Data.AsInvoice().ShouldBe(invoice);
            var paidEvent = receiver.Accepted.Single(e => e.Type == InvoicingEventTypes.InvoicePaid);
            paidEvent.Data.AsInvoice().ShouldBe(paid);
            paidEvent.Data.AsInvoice().ShouldBe(await client.Invoices.GetAsync(invoice.Id, Cancellation));
            var read = await client.Events.GetAsync(paidEvent.Id, Cancellation);
            (read.Id, read.Type, read.CreatedAt, read.Environment).ShouldBe((paidEvent.Id, paidEvent.Type, paidEvent.CreatedAt, paidEvent.Environment));
            (await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpoint.Id).Select(d => d.Status).ToListAsync(Cancellation)))
                .ShouldAllBe(s => s == WebhookDeliveryStatus.Delivered);

            // A delivery replayed later than the tolerance is refused, however well signed.
            var replay = receiver.Bodies.Last();
            Clock.Advance(TimeSpan.FromMinutes(6));
            Should.Throw<InvoicingWebhookException>(() => InvoicingWebhook.ConstructEvent(replay.Body, replay.Signature, endpoint.Secret!, time: Clock))
                .Reason.ShouldBe(InvoicingWebhookFailure.TimestampOutsideTolerance);
        }
        finally
        {
            await DeleteQuietlyAsync(client, endpoint.Id);
        }
    }

    /// <summary>Every member (records compare lists by reference).</summary>
    private static (Guid, string, InvoicingEnvironment, string, string, DateTimeOffset, string?) Shape(WebhookEndpoint w) =>
        (w.Id, w.Object, w.Environment, w.Url, string.Join(',', w.EnabledEvents), w.CreatedAt, w.Secret);

    private static async Task DeleteQuietlyAsync(InvoicingClient client, Guid id)
    {
        try
        {
            await client.WebhookEndpoints.DeleteAsync(id, Cancellation);
        }
        catch (InvoicingException e) when (e.Code == InvoicingErrorCodes.WebhookEndpointNotFound)
        {
        }
    }

    /// <summary>
    /// A webhook receiver as README "Receiving webhooks" writes it: Kestrel on loopback, one minimal endpoint that
    /// verifies and reads each delivery with <see cref="InvoicingWebhook.ConstructEvent"/> and answers 400 when it refuses.
    /// </summary>
    private sealed class VerifyingReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private VerifyingReceiver(WebApplication app) => _app = app;

        public string Secret { get; set; } = "";

        public string Url { get; private set; } = "";

        public ConcurrentQueue<InvoicingEvent> Accepted { get; } = new();

        public ConcurrentQueue<InvoicingWebhookFailure> Refused { get; } = new();

        public ConcurrentQueue<(string Body, string Signature)> Bodies { get; } = new();

        public static async Task<VerifyingReceiver> StartAsync(TimeProvider clock)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new VerifyingReceiver(app);
            app.MapPost("/invoicing-hooks", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                var body = await reader.ReadToEndAsync();
                receiver.Bodies.Enqueue((body, request.Headers[InvoicingWebhook.SignatureHeader].ToString()));
                try
                {
                    var evt = InvoicingWebhook.ConstructEvent(body, request.Headers[InvoicingWebhook.SignatureHeader], receiver.Secret, time: clock);
                    receiver.Accepted.Enqueue(evt);
                    return Results.Ok();
                }
                catch (InvoicingWebhookException e)
                {
                    receiver.Refused.Enqueue(e.Reason);
                    return Results.BadRequest();
                }
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/invoicing-hooks";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

public sealed class ClientWebhookTestsOnSqlite(SqliteWebhookApi api) : ClientWebhookTests(api), IClassFixture<SqliteWebhookApi>;

public sealed class ClientWebhookTestsOnPostgres(PostgresWebhookApi api) : ClientWebhookTests(api), IClassFixture<PostgresWebhookApi>;

public sealed class ClientWebhookTestsOnSqlServer(SqlServerWebhookApi api) : ClientWebhookTests(api), IClassFixture<SqlServerWebhookApi>;
