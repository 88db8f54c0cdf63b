using System.Net;
using System.Text;
using Invoicing.Client;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Client;

/// <summary>
/// The client's retry policy (docs/decisions/0013) against the real service on SQLite, with faults injected in
/// the service or by a handler in front of it, and against stub handlers for answers the service never gives.
/// The client's waits run on a <see cref="StepClock"/>, so no test sleeps through a backoff.
/// </summary>
public sealed class ClientRetryTests : IAsyncDisposable
{
    /// <summary>The service of one test; it starts only when a test uses it (the stub tests never do).</summary>
    private readonly ApiFactory _factory = ApiFactory.Sqlite();
    private readonly StepClock _clock = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_500_on_the_first_attempt_is_retried_under_the_same_key_and_creates_exactly_one_invoice()
    {
        var recorder = new RecordingHandler();
        var client = await _factory.InvoicingClientAsync(recorder: recorder, configure: o => o.TimeProvider = _clock);
        var (a, b) = await TwoCounterpartiesAsync(client);
        var request = ClientFactory.Invoice(a, b);

        _factory.Faults.FailNextCommandOnce(); // the first attempt stores its invoice, then fails: rolled back, 500
        var invoice = await client.Invoices.CreateAsync(request, cancellationToken: Cancellation);

        var attempts = recorder.Attempts.Where(x => x.PathAndQuery == "/v1/invoices").ToArray();
        attempts.Select(x => x.Status).ShouldBe([HttpStatusCode.InternalServerError, HttpStatusCode.Created]);
        attempts[0].IdempotencyKey.ShouldNotBeNullOrWhiteSpace();
        attempts[1].IdempotencyKey.ShouldBe(attempts[0].IdempotencyKey);
        attempts[1].Body.ShouldBe(attempts[0].Body);
        _clock.Waits.Single().ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        invoice.InvoiceNumber.ShouldBe(request.InvoiceNumber);
        (await StoredAsync(request.InvoiceNumber)).ShouldBe(1);
    }

    [Fact]
    public async Task Each_call_gets_its_own_key_and_a_callers_key_replays_the_first_answer()
    {
        var recorder = new RecordingHandler();
        var client = await _factory.InvoicingClientAsync(recorder: recorder, configure: o => o.TimeProvider = _clock);
        var (a, b) = await TwoCounterpartiesAsync(client);
        var request = ClientFactory.Invoice(a, b);
        var options = new RequestOptions { IdempotencyKey = "order-4711-invoice" };

        var first = await client.Invoices.CreateAsync(request, options, Cancellation);
        var again = await client.Invoices.CreateAsync(request, options, Cancellation);

        again.ShouldBe(first);
        (await StoredAsync(request.InvoiceNumber)).ShouldBe(1);
        var keys = recorder.Attempts.Where(x => x.Method == HttpMethod.Post).Select(x => x.IdempotencyKey).ToArray();
        keys[^2..].ShouldBe(["order-4711-invoice", "order-4711-invoice"]);
        keys[..^2].ShouldBeUnique(); // the two counterparties: a new key per call
        recorder.Attempts.Where(x => x.Method == HttpMethod.Get).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_an_idempotency_key_a_post_is_not_retried()
    {
        var recorder = new RecordingHandler();
        var client = await _factory.InvoicingClientAsync(recorder: recorder, configure: o =>
        {
            o.TimeProvider = _clock;
            o.GenerateIdempotencyKeys = false;
        });
        var (a, b) = await TwoCounterpartiesAsync(client);
        var request = ClientFactory.Invoice(a, b);

        _factory.Faults.FailNextCommandOnce();
        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.CreateAsync(request, cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind).ShouldBe((HttpStatusCode.InternalServerError, InvoicingErrorCodes.InternalError, InvoicingErrorKind.ServerError));
        (error.Attempts, error.IdempotencyKey).ShouldBe((1, (string?)null));
        recorder.Attempts.Where(x => x.PathAndQuery == "/v1/invoices").ShouldHaveSingleItem().IdempotencyKey.ShouldBeNull();
        _clock.Waits.ShouldBeEmpty();
        (await StoredAsync(request.InvoiceNumber)).ShouldBe(0);
    }

    [Fact]
    public async Task A_get_is_retried_after_a_network_failure_and_a_5xx_with_growing_jittered_waits()
    {
        var recorder = new RecordingHandler((_, attempt, _) => attempt switch
        {
            1 => throw new HttpRequestException("Connection reset by peer"),
            2 => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(HttpStatusCode.BadGateway, "upstream_down")),
            _ => Task.FromResult<HttpResponseMessage?>(null),
        });
        var client = await _factory.InvoicingClientAsync(recorder: recorder, configure: o => o.TimeProvider = _clock);

        var page = await client.Invoices.ListAsync(new() { Limit = 1 }, Cancellation);

        page.Object.ShouldBe("list");
        recorder.Attempts.Select(x => x.Status).ShouldBe([null, HttpStatusCode.BadGateway, HttpStatusCode.OK]);
        var waits = _clock.Waits.ToArray();
        waits.Length.ShouldBe(2);
        waits[0].ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        waits[1].ShouldBeInRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task A_rate_limited_call_waits_for_retry_after_then_succeeds()
    {
        // A live key may make one request, then one every 4 s. The service and the client share one clock,
        // which only the client's wait moves: the retry passes only because the client waited the full Retry-After.
        var serverClock = new ManualClock();
        var clock = new StepClock(serverClock);
        await using var factory = ApiFactory.Sqlite(
            new Dictionary<string, string?> { ["RateLimits:Live:PermitsPerSecond"] = "0.25", ["RateLimits:Live:Burst"] = "1" },
            serverClock);
        var recorder = new RecordingHandler();
        var client = await factory.InvoicingClientAsync(ApiEnvironment.Live, recorder, o => o.TimeProvider = clock);

        var created = await client.Counterparties.CreateAsync(new() { Name = "Acme" }, cancellationToken: Cancellation);
        var read = await client.Counterparties.GetAsync(created.Id, Cancellation);

        read.ShouldBe(created);
        recorder.Attempts.Select(x => x.Status).ShouldBe([HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.OK]);
        clock.Waits.ShouldBe([TimeSpan.FromSeconds(4)]);
        serverClock.GetUtcNow().ShouldBe(serverClock.Start.AddSeconds(4));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_total_timeout_is_not_awaited()
    {
        var stub = RecordingHandler.Stub((_, _, _) =>
        {
            var limited = RecordingHandler.Envelope(HttpStatusCode.TooManyRequests, InvoicingErrorCodes.RateLimited);
            limited.Headers.RetryAfter = new(TimeSpan.FromSeconds(120));
            return Task.FromResult<HttpResponseMessage?>(limited);
        });
        var client = ClientFactory.StubClient(stub, _clock);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.GetAsync(Guid.CreateVersion7(), Cancellation));

        (error.Kind, error.Code, error.Attempts).ShouldBe((InvoicingErrorKind.RateLimited, InvoicingErrorCodes.RateLimited, 1));
        _clock.Waits.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(418, "teapot_overflow", InvoicingErrorKind.ClientError)]
    [InlineData(400, "brand_new_validation", InvoicingErrorKind.InvalidRequest)]
    [InlineData(404, "ledger_not_found", InvoicingErrorKind.NotFound)]
    [InlineData(409, "ledger_locked", InvoicingErrorKind.Conflict)]
    [InlineData(422, "another_rule", InvoicingErrorKind.ClientError)]
    public async Task An_unknown_4xx_code_is_classified_by_its_status_and_not_retried(int status, string code, InvoicingErrorKind kind)
    {
        var stub = RecordingHandler.Stub((_, _, _) => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(
            (HttpStatusCode)status, code, "req_unknown", ""","items":[{},{"x":["y"]}]""")));
        var client = ClientFactory.StubClient(stub, _clock);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Counterparties.CreateAsync(new() { Name = "Acme" }, cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind).ShouldBe(((HttpStatusCode)status, code, kind));
        (error.Detail, error.RequestId).ShouldBe(($"Stubbed {code}.", "req_unknown"));
        error.Items.ShouldNotBeNull()[1]["x"].ShouldBe(["y"]);
        stub.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_5xx_with_an_unknown_code_or_no_envelope_is_a_server_error_after_the_bounded_attempts()
    {
        var stub = RecordingHandler.Stub((_, attempt, _) => Task.FromResult<HttpResponseMessage?>(attempt % 2 == 1
            ? RecordingHandler.Envelope(HttpStatusCode.ServiceUnavailable, "maintenance_window")
            : new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad gateway</html>", Encoding.UTF8, "text/html") }));
        var client = ClientFactory.StubClient(stub, _clock);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.CreateAsync(ClientFactory.Invoice(Guid.CreateVersion7(), Guid.CreateVersion7()), cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind).ShouldBe((HttpStatusCode.BadGateway, (string?)null, InvoicingErrorKind.ServerError));
        error.Detail.ShouldBe("The API answered 502 BadGateway without an error envelope.");
        error.Attempts.ShouldBe(4);
        stub.Attempts.Select(x => x.Status).ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway]);
        stub.Attempts.Select(x => x.IdempotencyKey).Distinct().ShouldHaveSingleItem().ShouldBe(error.IdempotencyKey);
        var waits = _clock.Waits.ToArray();
        waits.Length.ShouldBe(3);
        waits[0].ShouldBeInRange(TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
        waits[1].ShouldBeInRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(1000));
        waits[2].ShouldBeInRange(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(2000));
    }

    [Fact]
    public async Task A_success_whose_body_is_not_the_expected_json_is_an_unexpected_response_and_not_retried()
    {
        var stub = RecordingHandler.Stub((_, _, _) => Task.FromResult<HttpResponseMessage?>(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html>Welcome to the captive portal</html>", Encoding.UTF8, "text/html"),
            Headers = { { "Request-Id", "req_portal" } },
        }));
        var client = ClientFactory.StubClient(stub, _clock);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.GetAsync(Guid.CreateVersion7(), Cancellation));

        (error.StatusCode, error.Code, error.Kind, error.RequestId).ShouldBe((HttpStatusCode.OK, (string?)null, InvoicingErrorKind.UnexpectedResponse, "req_portal"));
        error.Detail.ShouldBe("The API answered 200 with a body that is not the expected JSON (Invoice).");
        stub.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_total_timeout_bounds_the_waits()
    {
        var stub = RecordingHandler.Stub((_, _, _) => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(HttpStatusCode.InternalServerError, InvoicingErrorCodes.InternalError)));
        var client = ClientFactory.StubClient(stub, _clock, o =>
        {
            o.MaxAttempts = 100;
            o.InitialRetryDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(10);
        });

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.GetAsync(Guid.CreateVersion7(), Cancellation));

        error.Code.ShouldBe(InvoicingErrorCodes.InternalError);
        var waited = _clock.Waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        waited.ShouldBeGreaterThan(TimeSpan.FromSeconds(8)); // it stopped only when the next wait (≤ 2 s) would pass the limit
        error.Attempts.ShouldBe(_clock.Waits.Count + 1);
    }

    [Fact]
    public async Task Idempotency_key_in_use_is_retried_with_the_same_key()
    {
        var recorder = new RecordingHandler((_, attempt, _) => Task.FromResult(attempt == 1
            ? RecordingHandler.Envelope(HttpStatusCode.Conflict, InvoicingErrorCodes.IdempotencyKeyInUse)
            : null));
        var client = await _factory.InvoicingClientAsync(recorder: recorder, configure: o => o.TimeProvider = _clock);

        var created = await client.Counterparties.CreateAsync(new() { Name = "Acme" }, cancellationToken: Cancellation);

        created.Name.ShouldBe("Acme");
        recorder.Attempts.Select(x => x.Status).ShouldBe([HttpStatusCode.Conflict, HttpStatusCode.Created]);
        recorder.Attempts.Select(x => x.IdempotencyKey).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task No_answer_after_every_attempt_is_a_network_failure_that_names_the_key_to_retry_with()
    {
        var stub = RecordingHandler.Stub((_, _, _) => throw new HttpRequestException("Connection refused"));
        var client = ClientFactory.StubClient(stub, _clock, o => o.MaxAttempts = 3);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.PayAsync(Guid.CreateVersion7(), cancellationToken: Cancellation));

        (error.StatusCode, error.Code, error.Kind, error.RequestId).ShouldBe(((HttpStatusCode?)null, (string?)null, InvoicingErrorKind.Network, (string?)null));
        error.InnerException.ShouldBeOfType<HttpRequestException>();
        error.Detail.ShouldBe("No answer from http://stub.test: Connection refused");
        error.Attempts.ShouldBe(3);
        stub.Attempts.Select(x => x.IdempotencyKey).Distinct().ShouldBe([error.IdempotencyKey]);
    }

    [Fact]
    public async Task An_attempt_that_outlasts_its_timeout_is_cut_off_and_retried()
    {
        var stub = RecordingHandler.Stub(async (_, attempt, token) =>
        {
            if (attempt == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token); // no answer: only the client's attempt timeout ends it
            }

            return RecordingHandler.Envelope(HttpStatusCode.NotFound, InvoicingErrorCodes.InvoiceNotFound);
        });
        var client = ClientFactory.StubClient(stub, _clock, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(100));

        var error = await Should.ThrowAsync<InvoicingException>(() => client.Invoices.GetAsync(Guid.CreateVersion7(), Cancellation));

        error.Code.ShouldBe(InvoicingErrorCodes.InvoiceNotFound);
        error.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Cancellation_during_a_wait_ends_the_call_without_another_attempt()
    {
        var stub = RecordingHandler.Stub((_, _, _) => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(HttpStatusCode.InternalServerError, InvoicingErrorCodes.InternalError)));
        var client = ClientFactory.StubClient(stub, new StepClock { Hold = true });
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var call = client.Invoices.GetAsync(Guid.CreateVersion7(), cancellation.Token);
        while (stub.Attempts.IsEmpty)
        {
            await Task.Delay(10, Cancellation);
        }

        call.IsCompleted.ShouldBeFalse(); // waiting for a retry that the held clock never allows
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        stub.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_is_retried_and_the_retrys_404_counts_as_deleted()
    {
        var recorder = new RecordingHandler();
        var http = _factory.CreateDefaultClient(recorder, new LoseFirstAnswerOf(HttpMethod.Delete));
        var client = new InvoicingClient(http, new() { ApiKey = (await _factory.CreateKeyAsync(ApiEnvironment.Test)).Secret, TimeProvider = _clock });
        var endpoint = await client.WebhookEndpoints.CreateAsync(new() { Url = "https://example.com/hooks", EnabledEvents = [InvoicingEventTypes.All] }, cancellationToken: Cancellation);

        var deleted = await client.WebhookEndpoints.DeleteAsync(endpoint.Id, Cancellation); // the first attempt deleted it, its answer never came

        (deleted.Id, deleted.Deleted).ShouldBe((endpoint.Id, true));
        var attempts = recorder.Attempts.Where(x => x.Method == HttpMethod.Delete).ToArray();
        attempts.Select(x => x.Status).ShouldBe([null, HttpStatusCode.NotFound]);
        attempts.ShouldAllBe(x => x.PathAndQuery == $"/v1/webhook_endpoints/{endpoint.Id}" && x.IdempotencyKey == null);
        (await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.GetAsync(endpoint.Id, Cancellation))).Code.ShouldBe(InvoicingErrorCodes.WebhookEndpointNotFound);
    }

    [Theory]
    [InlineData(0, true)] // no answer: the first attempt may have deleted it
    [InlineData(503, true)] // perhaps a proxy's, after the service had deleted it
    [InlineData(429, false)] // refused before it ran: the 404 is the truth
    public async Task A_retried_deletes_404_counts_as_deleted_only_when_an_earlier_outcome_is_unknown(int firstStatus, bool deleted)
    {
        var stub = RecordingHandler.Stub((_, attempt, _) => attempt switch
        {
            1 when firstStatus == 0 => throw new HttpRequestException("Connection reset by peer"),
            1 => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope((HttpStatusCode)firstStatus, firstStatus == 429 ? InvoicingErrorCodes.RateLimited : "maintenance_window")),
            _ => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(HttpStatusCode.NotFound, InvoicingErrorCodes.WebhookEndpointNotFound)),
        });
        var client = ClientFactory.StubClient(stub, _clock);
        var id = Guid.CreateVersion7();

        if (deleted)
        {
            (await client.WebhookEndpoints.DeleteAsync(id, Cancellation)).ShouldBe(new DeletedWebhookEndpoint { Id = id, Deleted = true });
        }
        else
        {
            var error = await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.DeleteAsync(id, Cancellation));
            (error.Code, error.Kind, error.Attempts).ShouldBe((InvoicingErrorCodes.WebhookEndpointNotFound, InvoicingErrorKind.NotFound, 2));
        }

        stub.Attempts.Select(x => x.Method).ShouldBe([HttpMethod.Delete, HttpMethod.Delete]);
        _clock.Waits.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_delete_is_retried_after_5xx_like_a_get_and_gives_up_after_the_bounded_attempts()
    {
        var stub = RecordingHandler.Stub((_, _, _) => Task.FromResult<HttpResponseMessage?>(RecordingHandler.Envelope(HttpStatusCode.InternalServerError, InvoicingErrorCodes.InternalError)));
        var client = ClientFactory.StubClient(stub, _clock);

        var error = await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.DeleteAsync(Guid.CreateVersion7(), Cancellation));

        (error.Kind, error.Attempts, error.IdempotencyKey).ShouldBe((InvoicingErrorKind.ServerError, 4, (string?)null));
        stub.Attempts.Count.ShouldBe(4);
    }

    private static async Task<(Guid A, Guid B)> TwoCounterpartiesAsync(InvoicingClient client) =>
        ((await client.Counterparties.CreateAsync(new() { Name = "A" }, cancellationToken: Cancellation)).Id,
         (await client.Counterparties.CreateAsync(new() { Name = "B" }, cancellationToken: Cancellation)).Id);

    private Task<int> StoredAsync(string invoiceNumber) =>
        _factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == invoiceNumber, Cancellation));
}

/// <summary>Lets the first request of <paramref name="method"/> reach the service, then drops its answer (a connection lost on the way back).</summary>
internal sealed class LoseFirstAnswerOf(HttpMethod method) : DelegatingHandler
{
    private int _lost;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == method && Interlocked.Exchange(ref _lost, 1) == 0)
        {
            response.Dispose();
            throw new HttpRequestException("The connection was reset before the answer arrived.");
        }

        return response;
    }
}
