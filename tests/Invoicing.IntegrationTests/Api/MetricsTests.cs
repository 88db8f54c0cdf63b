using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// <c>GET /metrics</c> (Prometheus text) after real traffic: ASP.NET Core's request histogram by route template and
/// status, and the service's own series (docs/operations.md "Metrics"). Instruments are process-wide by name, so these
/// classes run alone (<see cref="MetricsCollection"/>) and every assertion is on a difference between two scrapes.
/// </summary>
public abstract partial class MetricsTests(MetricsApi api) : ApiTests(api)
{
    private const string Requests = "http_server_request_duration_seconds_count";

    private ManualClock Clock => api.Clock;

    [Fact]
    public async Task The_scrape_counts_requests_by_route_template_and_status_and_the_services_own_events()
    {
        var client = await Factory.ClientAsync(ApiEnvironment.Test);
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var before = await ScrapeAsync();

        // Creates, a 404 on a route and one on no route, a method the route does not take, a health probe.
        var (acme, globex) = (await client.CreateCounterpartyAsync("Acme"), await client.CreateCounterpartyAsync("Globex"));
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(acme, globex))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetAsync($"/v1/invoices/{Guid.NewGuid()}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/v1/no-such-thing", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync("/v1/invoices", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await Factory.CreateClient().GetAsync("/health/live", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An idempotent replay, a key reused for another body (422), a key another request still holds (409).
        var key = "metrics-" + Guid.NewGuid();
        (await client.SendAsync(Post("/v1/counterparties", """{"name":"Once"}""", key), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var replay = await client.SendAsync(Post("/v1/counterparties", """{"name":"Once"}""", key), Cancellation);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        await (await client.SendAsync(Post("/v1/counterparties", """{"name":"Twice"}""", key), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var held = "held-" + Guid.NewGuid();
        await LeaveClaimAsync(held, "/v1/counterparties", """{"name":"Held"}""");
        await (await client.SendAsync(Post("/v1/counterparties", """{"name":"Held"}""", held), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");

        // A burst over the live key's bucket of 3 (the clock stands still, so nothing refills).
        for (var i = 0; i < 3; i++)
        {
            (await live.GetAsync($"/v1/invoices/{Guid.NewGuid()}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await (await live.GetAsync($"/v1/invoices/{Guid.NewGuid()}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.TooManyRequests, "rate_limited");

        // A request is recorded once it has ended, which may be just after its client has read the answer.
        await EventuallyAsync(after =>
        {
            var requests = after.Minus(before, Requests);
            requests.Sum(("http_request_method", "POST"), ("http_route", "v1/counterparties"), ("http_response_status_code", "201")).ShouldBe(4); // 2 + the first + its replay
            requests.Sum(("http_request_method", "POST"), ("http_route", "v1/invoices"), ("http_response_status_code", "201")).ShouldBe(1);
            requests.Sum(("http_request_method", "GET"), ("http_route", "v1/invoices/{id}"), ("http_response_status_code", "404")).ShouldBe(4);
            requests.Sum(("http_route", "v1/invoices/{id}"), ("http_response_status_code", "429")).ShouldBe(1); // refused before the endpoint ran, counted under its route
            requests.Sum(("http_route", "v1/counterparties"), ("http_response_status_code", "422")).ShouldBe(1);
            requests.Sum(("http_route", "v1/counterparties"), ("http_response_status_code", "409")).ShouldBe(1);
            requests.Sum(("http_route", "unmatched"), ("http_response_status_code", "404")).ShouldBe(1);
            requests.Sum(("http_route", "unmatched"), ("http_response_status_code", "405")).ShouldBe(1);
            requests.Sum(("http_route", "/health/live"), ("http_response_status_code", "200")).ShouldBe(1);
            requests.Series.ShouldAllBe(s => s.Labels.ContainsKey("http_route"), "every request has a route label");
            requests.Sum(("http_route", "/metrics"), ("http_response_status_code", "200")).ShouldBeGreaterThanOrEqualTo(1); // the scrape before
            requests.Series.ShouldNotContain(s => s.Labels.GetValueOrDefault("http_route", string.Empty).Contains("-", StringComparison.Ordinal), "a raw path became a route label");
            after.Minus(before, "http_server_request_duration_seconds_bucket").Sum(("http_route", "v1/invoices"), ("le", "+Inf")).ShouldBe(1);
            after.Minus(before, "http_server_request_duration_seconds_sum").Sum(("http_route", "v1/invoices")).ShouldBeGreaterThan(0);

            after.Minus(before, "invoicing_rate_limit_rejections_total").Sum(("environment", "live")).ShouldBe(1);
            after.Minus(before, "invoicing_rate_limit_rejections_total").Sum(("environment", "test")).ShouldBe(0);
            after.Minus(before, "invoicing_idempotency_replays_total").Sum(("environment", "test")).ShouldBe(1);
            after.Minus(before, "invoicing_idempotency_conflicts_total").Sum(("environment", "test"), ("code", "idempotency_key_reused")).ShouldBe(1);
            after.Minus(before, "invoicing_idempotency_conflicts_total").Sum(("environment", "test"), ("code", "idempotency_key_in_use")).ShouldBe(1);
        });
    }

    [Fact]
    public async Task Webhook_attempts_are_counted_by_outcome_and_the_backlog_gauges_follow_the_pending_deliveries()
    {
        var (ok, failing) = (api.Receiving!, api.Refusing!);
        var (okBefore, failingBefore) = (ok.Requests.Count, failing.Requests.Count);
        var client = await Factory.ClientAsync();
        Clock.Advance(TimeSpan.FromSeconds(1)); // the endpoints are newer than any earlier event of this database
        var endpoints = new[] { await CreateEndpointAsync(client, ok.Url), await CreateEndpointAsync(client, failing.Url) };
        try
        {
            var before = await ScrapeAsync();
            await client.CreateCounterpartyAsync("Hooked");
            await Factory.DispatchEventsAsync(); // one delivery per endpoint
            Clock.Advance(TimeSpan.FromSeconds(10));

            var waiting = await ScrapeAsync();
            waiting.Value("invoicing_webhook_deliveries_pending").ShouldBe(2);
            waiting.Value("invoicing_webhook_oldest_pending_age_seconds").ShouldBe(10);

            (await Factory.RunWebhookPassAsync()).ShouldBe(2);
            var attempted = await ScrapeAsync();
            attempted.Minus(before, "invoicing_webhook_delivery_attempts_total").Sum(("outcome", "delivered")).ShouldBe(1);
            attempted.Minus(before, "invoicing_webhook_delivery_attempts_total").Sum(("outcome", "retrying")).ShouldBe(1);
            attempted.Minus(before, "invoicing_webhook_delivery_attempts_total").Sum(("outcome", "failed")).ShouldBe(0);
            attempted.Value("invoicing_webhook_deliveries_pending").ShouldBe(2, "read at most every 5 seconds: the reading is still the last one");

            Clock.Advance(TimeSpan.FromSeconds(6));
            var later = await ScrapeAsync();
            later.Value("invoicing_webhook_deliveries_pending").ShouldBe(1);
            later.Value("invoicing_webhook_oldest_pending_age_seconds").ShouldBe(16);

            Clock.Advance(TimeSpan.FromDays(4)); // past the retry horizon: the next attempt is the last
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            var done = await ScrapeAsync();
            done.Minus(before, "invoicing_webhook_delivery_attempts_total").Sum(("outcome", "failed")).ShouldBe(1);
            done.Value("invoicing_webhook_deliveries_pending").ShouldBe(0);
            done.Value("invoicing_webhook_oldest_pending_age_seconds").ShouldBe(0);
            (ok.Requests.Count - okBefore).ShouldBe(1);
            (failing.Requests.Count - failingBefore).ShouldBe(2);
        }
        finally
        {
            foreach (var endpoint in endpoints)
            {
                await client.DeleteAsync($"/v1/webhook_endpoints/{endpoint}", Cancellation);
            }
        }
    }

    private async Task<Scrape> ScrapeAsync()
    {
        var response = await Factory.CreateClient().GetAsync("/metrics", Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/plain");
        return Scrape.Parse(text);
    }

    /// <summary>Scrapes until <paramref name="assert"/> passes, for at most 10 seconds; then its last failure is the test's.</summary>
    private async Task EventuallyAsync(Action<Scrape> assert)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var scrape = await ScrapeAsync();
            try
            {
                assert(scrape);
                return;
            }
            catch (ShouldAssertException) when (DateTime.UtcNow - started < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50, Cancellation);
            }
            catch (ShouldAssertException e)
            {
                throw new ShouldAssertException(e.Message + "\nThe last scrape:\n" + scrape.Text, e);
            }
        }
    }

    private async Task LeaveClaimAsync(string key, string path, string body)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Test);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        db.Add(IdempotencyRecord.Claim(new IdempotentRequest(key, "POST", path, hash), Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(Cancellation);
    }

    private static HttpRequestMessage Post(string path, string body, string idempotencyKey)
    {
        var request = Http.Request(HttpMethod.Post, path, body);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static async Task<Guid> CreateEndpointAsync(HttpClient client, string url)
    {
        var response = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = url, ["enabled_events"] = new JsonArray("counterparty.created") });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The series of one scrape in the Prometheus text format: name, labels, value.</summary>
    private sealed partial record Scrape(IReadOnlyList<Series> Series, string Text = "")
    {
        public static Scrape Parse(string text) => new(
            text.Split('\n')
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => SeriesLine().Match(line))
                .Where(m => m.Success)
                .Select(m => new Series(
                    m.Groups["name"].Value,
                    LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => Regex.Unescape(l.Groups[2].Value)),
                    double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
                .ToList(),
            text);

        /// <summary>The series named <paramref name="name"/>, each with its value in this scrape less its value in <paramref name="earlier"/> (0 if absent there).</summary>
        public Scrape Minus(Scrape earlier, string name) => new(
            Series.Where(s => s.Name == name)
                .Select(s => s with { Value = s.Value - earlier.Series.Where(e => e.Name == name && e.SameLabels(s)).Sum(e => e.Value) })
                .ToList());

        /// <summary>The sum over every series (of this scrape, or of a <see cref="Minus"/>) with these labels, whatever its others.</summary>
        public double Sum(params (string Label, string Value)[] labels) =>
            Series.Where(s => labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)).Sum(s => s.Value);

        /// <summary>The value of the one series named <paramref name="name"/>.</summary>
        public double Value(string name)
        {
            var series = Series.Where(s => s.Name == name).ToList();
            series.Count.ShouldBe(1, $"exactly one series {name}");
            return series[0].Value;
        }

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$")]
        private static partial Regex SeriesLine();

        [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
        private static partial Regex LabelPair();
    }

    private sealed record Series(string Name, Dictionary<string, string> Labels, double Value)
    {
        public bool SameLabels(Series other) => Labels.Count == other.Labels.Count && Labels.All(l => other.Labels.GetValueOrDefault(l.Key) == l.Value);
    }
}

/// <summary>The metrics classes run one after the other and after every other class (no other host's traffic meanwhile).</summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>
/// A service whose clock moves only when a test says so, with a live bucket of 3, that may deliver to loopback, and two
/// webhook receivers (one answers 200, one 500) that live as long as it. They are started before it and stopped after
/// it, because a receiver is an ASP.NET Core host too: OpenTelemetry merges its request instrument with the service's
/// (same meter and instrument names) and stops exporting the merged series once one of them is disposed.
/// </summary>
public abstract class MetricsApi : IApiFixture, IAsyncLifetime
{
    protected static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>(WebhookApi.Settings)
    {
        ["RateLimits:Live:PermitsPerSecond"] = "1",
        ["RateLimits:Live:Burst"] = "3",
    };

    public ManualClock Clock { get; } = new();

    public ApiFactory? Factory { get; private set; }

    public WebhookReceiver? Receiving { get; private set; }

    public WebhookReceiver? Refusing { get; private set; }

    public virtual string? SkipReason => null;

    public async ValueTask InitializeAsync()
    {
        Receiving = await WebhookReceiver.StartAsync();
        Refusing = await WebhookReceiver.StartAsync();
        Refusing.Answer = _ => 500;
        Factory = await CreateFactoryAsync();
        _ = Factory?.Server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        foreach (var receiver in new[] { Receiving, Refusing })
        {
            if (receiver is not null)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    /// <summary>Null when the provider cannot run here.</summary>
    protected abstract Task<ApiFactory?> CreateFactoryAsync();
}

public sealed class SqliteMetricsApi : MetricsApi
{
    protected override Task<ApiFactory?> CreateFactoryAsync() => Task.FromResult<ApiFactory?>(ApiFactory.Sqlite(Settings, Clock));
}

public sealed class PostgresMetricsApi(PostgresServer server) : MetricsApi
{
    public override string? SkipReason => server.UnavailableReason;

    protected override async Task<ApiFactory?> CreateFactoryAsync() =>
        server.UnavailableReason is null ? new ApiFactory(server.Provider, await server.CreateDatabaseAsync(), Settings, Clock) : null;
}

[Collection(nameof(MetricsCollection))]
public sealed class MetricsTestsOnSqlite(SqliteMetricsApi api) : MetricsTests(api), IClassFixture<SqliteMetricsApi>;

[Collection(nameof(MetricsCollection))]
public sealed class MetricsTestsOnPostgres(PostgresMetricsApi api) : MetricsTests(api), IClassFixture<PostgresMetricsApi>;

/// <summary>Who may scrape: anyone, unless <c>Metrics:BearerToken</c> is set; and the scrape endpoint is no part of the API's document.</summary>
public sealed class MetricsEndpointTests
{
    private const string Token = "metrics-token-0123456789abcdef";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_token_configured_anyone_may_scrape_and_the_document_does_not_list_the_endpoint()
    {
        await using var factory = ApiFactory.Sqlite();
        var anonymous = factory.CreateClient();

        var scrape = await anonymous.GetAsync("/metrics", Cancellation);
        var document = await anonymous.GetStringAsync("/openapi/v1.json", Cancellation);

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scrape.Content.ReadAsStringAsync(Cancellation)).ShouldContain("# TYPE ");
        document.ShouldNotContain("\"/metrics\"");
    }

    [Fact]
    public async Task With_a_token_configured_only_a_scrape_with_that_bearer_token_is_answered()
    {
        await using var factory = ApiFactory.Sqlite(new Dictionary<string, string?> { ["Metrics:BearerToken"] = Token });
        var client = factory.CreateClient();
        var apiKey = (await factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;

        foreach (var authorization in new[] { null, "Bearer wrong-token-0123456789abcdef", "Bearer " + apiKey, Token })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            var refused = await client.SendAsync(request, Cancellation);
            await refused.ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
            refused.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Authorization = new("Bearer", Token);
        var answered = await client.SendAsync(scrape, Cancellation);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answered.Content.ReadAsStringAsync(Cancellation)).ShouldContain("# TYPE ");
    }
}
