using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Invoicing.Application.Webhooks;
using Invoicing.Domain.Webhooks;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Web.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// Several webhook keys at once (docs/decisions/0037): the first encrypts, any decrypts, <c>secrets reencrypt</c> moves
/// everything under the newest, and data that no configured key decrypts keeps the service not ready (with one line
/// naming the missing key id) instead of answering a 500 that promises a retry will work.
/// </summary>
public abstract class WebhookKeyRotationTests : IAsyncDisposable
{
    private readonly List<ApiFactory> _factories = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_key_in_front_reads_what_the_old_sealed_writes_under_itself_and_after_reencrypt_the_old_key_can_go()
    {
        var (a, b) = (NewKey(), NewKey());
        var first = await StartAsync(new Dictionary<string, string?> { ["Webhooks:SecretKey"] = a });
        var client = await first.ClientAsync();
        var oldKey = Guid.NewGuid().ToString();
        var (oldStatus, oldAnswer) = await CreateEndpointAsync(client, oldKey, "https://hooks.example.com/old");
        var oldId = Guid.Parse(JsonNode.Parse(oldAnswer)!["id"]!.GetValue<string>());
        var oldSecret = JsonNode.Parse(oldAnswer)!["secret"]!.GetValue<string>();
        await MakeLegacyAsync(first, oldId, oldKey); // as stored before keys had ids (v1)
        await first.DisposeAsync();

        // B in front of A: the old answer replays and the old secret opens; new ones are sealed with B.
        var rotated = await StartAsync(first.OnSameDatabase(TimeProvider.System, new Dictionary<string, string?> { ["Webhooks:SecretKeys"] = $"{b}, {a}" }));
        var rotatedClient = SameKey(rotated, client);
        (await ReadyAsync(rotated)).ShouldBe(HttpStatusCode.OK);
        (await CreateEndpointAsync(rotatedClient, oldKey, "https://hooks.example.com/old")).ShouldBe((oldStatus, oldAnswer));
        Unprotect(rotated, await SecretOfAsync(rotated, oldId)).ShouldBe(oldSecret);
        var newKey = Guid.NewGuid().ToString();
        var (_, newAnswer) = await CreateEndpointAsync(rotatedClient, newKey, "https://hooks.example.com/new");
        var newId = Guid.Parse(JsonNode.Parse(newAnswer)!["id"]!.GetValue<string>());
        (await SecretOfAsync(rotated, newId)).ShouldStartWith($"v2.{IdOf(b)}.");
        (await AnswerKeyIdAsync(rotated, newKey)).ShouldBe(IdOf(b));

        var (code, output) = await RunAsync(rotated, "secrets", "reencrypt", "--batch-size", "1");
        var (again, againOutput) = await RunAsync(rotated, "secrets", "reencrypt");

        code.ShouldBe(0, output);
        output.ShouldContain($"Newest key: {IdOf(b)}.");
        output.ShouldContain("Webhook endpoint secrets: 1 re-encrypted, 2 under the newest key, 0 undecryptable.");
        output.ShouldContain("Stored idempotent answers: 1 re-encrypted, 2 under the newest key, 0 undecryptable.");
        output.ShouldContain("the other keys may be removed");
        output.ShouldNotContain(a);
        output.ShouldNotContain(b);
        again.ShouldBe(0);
        againOutput.ShouldContain("Webhook endpoint secrets: 0 re-encrypted, 2 under the newest key");
        againOutput.ShouldContain("Stored idempotent answers: 0 re-encrypted, 2 under the newest key");
        (await SecretOfAsync(rotated, oldId)).ShouldStartWith($"v2.{IdOf(b)}.");
        (await AnswerKeyIdAsync(rotated, oldKey)).ShouldBe(IdOf(b));
        await rotated.DisposeAsync();

        // B alone: everything still reads.
        var onlyB = await StartAsync(first.OnSameDatabase(TimeProvider.System, new Dictionary<string, string?> { ["Webhooks:SecretKeys"] = b }));
        (await ReadyAsync(onlyB)).ShouldBe(HttpStatusCode.OK);
        (await CreateEndpointAsync(SameKey(onlyB, client), oldKey, "https://hooks.example.com/old")).ShouldBe((oldStatus, oldAnswer));
        (await CreateEndpointAsync(SameKey(onlyB, client), newKey, "https://hooks.example.com/new")).Answer.ShouldBe(newAnswer);
        Unprotect(onlyB, await SecretOfAsync(onlyB, oldId)).ShouldBe(oldSecret);
        var (statusCode, status) = await RunAsync(onlyB, "secrets", "status");
        statusCode.ShouldBe(0, status);
        status.ShouldContain($"Configured webhook key ids, newest first: {IdOf(b)} ({IdOf(b)} encrypts).");
    }

    [Fact]
    public async Task Data_under_a_key_that_is_not_configured_keeps_the_service_not_ready_and_a_replay_says_why_instead_of_500()
    {
        var (a, c) = (NewKey(), NewKey());
        var first = await StartAsync(new Dictionary<string, string?> { ["Webhooks:SecretKey"] = a });
        var client = await first.ClientAsync();
        var key = Guid.NewGuid().ToString();
        (await CreateEndpointAsync(client, key, "https://hooks.example.com/lost")).Status.ShouldBe(HttpStatusCode.Created);
        await first.DisposeAsync();

        var other = await StartAsync(first.OnSameDatabase(TimeProvider.System, new Dictionary<string, string?> { ["Webhooks:SecretKey"] = c }));

        var lines = other.Logs.Records.Where(r => r.Level >= LogLevel.Error).ToList();
        var line = lines.ShouldHaveSingleItem().Message;
        line.ShouldContain("Not ready");
        line.ShouldContain($"1 webhook endpoint secret(s) and 1 stored idempotent answer(s)");
        line.ShouldContain($"key id(s) {IdOf(a)}");
        line.ShouldContain($"configured: {IdOf(c)}");
        line.ShouldNotContain(a);
        line.ShouldNotContain(c);
        var ready = await other.CreateClient().GetAsync("/health/ready", Cancellation);
        var envelope = await ready.ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        envelope.GetProperty("detail").GetString()!.ShouldContain(IdOf(a));

        var otherClient = SameKey(other, client);
        using (var replay = Post(key, "https://hooks.example.com/lost"))
        {
            await (await otherClient.SendAsync(replay, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_answer_unavailable");
        }

        (await CreateEndpointAsync(otherClient, Guid.NewGuid().ToString(), "https://hooks.example.com/fresh")).Status.ShouldBe(HttpStatusCode.Created);
        var (code, output) = await RunAsync(other, "secrets", "reencrypt");
        code.ShouldBe(1);
        output.ShouldContain($"Webhook endpoint secrets: 0 re-encrypted, 1 under the newest key, 1 undecryptable (key id(s) {IdOf(a)}).");
        output.ShouldContain($"Stored idempotent answers: 0 re-encrypted, 1 under the newest key, 1 undecryptable (key id(s) {IdOf(a)}).");
        var (statusCode, status) = await RunAsync(other, "secrets", "status");
        statusCode.ShouldBe(1);
        status.ShouldContain(IdOf(a));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A new service (not started yet) on a new database of this provider; skips the test when the provider cannot run here.</summary>
    protected abstract Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string IdOf(string key) => AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(key));

    private static HttpRequestMessage Post(string idempotencyKey, string url)
    {
        var request = Http.Request(HttpMethod.Post, "/v1/webhook_endpoints", $$"""{"url":"{{url}}","enabled_events":["*"]}""");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static async Task<(HttpStatusCode Status, string Answer)> CreateEndpointAsync(HttpClient client, string idempotencyKey, string url)
    {
        using var request = Post(idempotencyKey, url);
        using var response = await client.SendAsync(request, Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static HttpClient SameKey(ApiFactory factory, HttpClient client)
    {
        var other = factory.CreateClient();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        return other;
    }

    private static async Task<HttpStatusCode> ReadyAsync(ApiFactory factory) =>
        (await factory.CreateClient().GetAsync("/health/ready", Cancellation)).StatusCode;

    private static string Unprotect(ApiFactory factory, string protectedSecret) =>
        factory.Services.GetRequiredService<IWebhookSecretProtector>().Unprotect(protectedSecret);

    private static Task<string> SecretOfAsync(ApiFactory factory, Guid endpointId) =>
        factory.DbAsync(db => db.Set<WebhookEndpoint>().IgnoreQueryFilters().Where(e => e.Id == endpointId).Select(e => e.ProtectedSecret).SingleAsync(Cancellation));

    private static Task<string?> AnswerKeyIdAsync(ApiFactory factory, string idempotencyKey) =>
        factory.DbAsync(db => db.Set<IdempotencyRecord>().IgnoreQueryFilters().Where(r => r.Key == idempotencyKey).Select(r => r.ResponseKeyId).SingleAsync(Cancellation));

    /// <summary>Rewrites an endpoint's secret and an answer as this service stored them before keys had ids: <c>v1.</c>, no key id.</summary>
    private static async Task MakeLegacyAsync(ApiFactory factory, Guid endpointId, string idempotencyKey)
    {
        var secret = await SecretOfAsync(factory, endpointId);
        var legacy = "v1." + secret[(secret.IndexOf('.', 3) + 1)..];
        await factory.DbAsync(async db =>
        {
            await db.Set<WebhookEndpoint>().IgnoreQueryFilters().Where(e => e.Id == endpointId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ProtectedSecret, legacy), Cancellation);
            return await db.Set<IdempotencyRecord>().IgnoreQueryFilters().Where(r => r.Key == idempotencyKey).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResponseKeyId, (string?)null), Cancellation);
        });
        (await AnswerKeyIdAsync(factory, idempotencyKey)).ShouldBeNull();
    }

    private static async Task<(int Code, string Output)> RunAsync(ApiFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        var code = await KeysCommand.RunAsync(factory.Services, args, output, output);
        return (code, output.ToString());
    }

    private async Task<ApiFactory> StartAsync(IReadOnlyDictionary<string, string?> settings) => await StartAsync(await NewFactoryAsync(settings));

    private Task<ApiFactory> StartAsync(ApiFactory factory)
    {
        _factories.Add(factory);
        _ = factory.Server; // start: migrations, then the check of the stored secrets
        return Task.FromResult(factory);
    }
}

public sealed class WebhookKeyRotationTestsOnSqlite : WebhookKeyRotationTests
{
    protected override Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings) => Task.FromResult(ApiFactory.Sqlite(settings));
}

/// <summary>On PostgreSQL, a database of its own for each test (skipped when the server cannot run).</summary>
public sealed class WebhookKeyRotationTestsOnPostgres(PostgresServer server) : WebhookKeyRotationTests
{
    protected override async Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return new ApiFactory(server.Provider, await server.CreateDatabaseAsync(), settings);
    }
}
