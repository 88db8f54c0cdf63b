using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Invoicing.Client;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Client;

/// <summary>What one attempt of the client sent and got (the status is null when it got no answer).</summary>
public sealed record Attempt(HttpMethod Method, string PathAndQuery, string? IdempotencyKey, string? Body, HttpStatusCode? Status);

/// <summary>
/// Sits between the client and the real service (or a stub): records every attempt, and lets a test answer
/// or fail chosen attempts itself. <see cref="Answer"/> gets the 1-based attempt number (and the attempt's token) and returns a
/// response, throws (a network failure), or returns null to let the request through.
/// </summary>
public sealed class RecordingHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage?>>? answer = null) : DelegatingHandler
{
    private int _count;

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    public Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage?>>? Answer { get; init; } = answer;

    /// <summary>A handler with nothing behind it: every attempt must be answered by <paramref name="answer"/>.</summary>
    public static RecordingHandler Stub(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage?>> answer) =>
        new(answer) { InnerHandler = new NoServer() };

    public static HttpResponseMessage Envelope(HttpStatusCode status, string code, string requestId = "req_stub", string extra = "") =>
        new(status)
        {
            Content = new StringContent($$"""{"code":"{{code}}","detail":"Stubbed {{code}}.","errors":[]{{extra}}}""", Encoding.UTF8, "application/json"),
            Headers = { { "Request-Id", requestId } },
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _count);
        var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var response = (Answer is null ? null : await Answer(request, number, cancellationToken)) ?? await base.SendAsync(request, cancellationToken);
            Attempts.Enqueue(new Attempt(request.Method, request.RequestUri!.PathAndQuery, key, body, response.StatusCode));
            return response;
        }
        catch (Exception)
        {
            Attempts.Enqueue(new Attempt(request.Method, request.RequestUri!.PathAndQuery, key, body, null));
            throw;
        }
    }

    private sealed class NoServer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The stub let a request through to no server.");
    }
}

/// <summary>
/// The client's clock in tests: reads the time of a <see cref="ManualClock"/> (possibly the service's), and every
/// wait the client starts ends at once by moving that clock forward by the wait, which it records. With
/// <see cref="Hold"/> a wait never ends (until its cancellation token fires).
/// </summary>
public sealed class StepClock(ManualClock? clock = null) : TimeProvider
{
    public ManualClock Clock { get; } = clock ?? new ManualClock();

    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public bool Hold { get; init; }

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && !Hold)
        {
            Waits.Enqueue(dueTime);
            Clock.Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new IdleTimer();
    }

    private sealed class IdleTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

internal static class ClientFactory
{
    /// <summary>A client of the in-process service, with a new key of <paramref name="environment"/>, through <paramref name="recorder"/> when given.</summary>
    public static async Task<InvoicingClient> InvoicingClientAsync(
        this ApiFactory factory,
        ApiEnvironment environment = ApiEnvironment.Test,
        RecordingHandler? recorder = null,
        Action<InvoicingClientOptions>? configure = null)
    {
        var options = new InvoicingClientOptions { ApiKey = (await factory.CreateKeyAsync(environment)).Secret };
        configure?.Invoke(options);
        var http = recorder is null ? factory.CreateClient() : factory.CreateDefaultClient(recorder);
        return new InvoicingClient(http, options);
    }

    /// <summary>A client of a stub only (no service behind it).</summary>
    public static InvoicingClient StubClient(RecordingHandler stub, StepClock clock, Action<InvoicingClientOptions>? configure = null)
    {
        var options = new InvoicingClientOptions
        {
            ApiKey = "sk_test_" + new string('a', 32),
            BaseAddress = new Uri("http://stub.test"),
            TimeProvider = clock,
        };
        configure?.Invoke(options);
        return new InvoicingClient(new HttpClient(stub), options);
    }

    public static CreateInvoiceRequest Invoice(Guid originating, Guid receiving, DateOnly? date = null, string? number = null) => new()
    {
        AmountCents = 20000,
        DiscountAmountCents = 500,
        Currency = "eur",
        InvoiceDate = date ?? new DateOnly(2026, 11, 22),
        InvoiceDueDate = (date ?? new DateOnly(2026, 11, 22)).AddDays(30),
        InvoiceNumber = number ?? Http.UniqueNumber(),
        Note = "May’s Annual Tire Order",
        OriginatingCounterpartyId = originating,
        ReceivingCounterpartyId = receiving,
    };
}
