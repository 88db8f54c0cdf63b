using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// What the generated requests run against: keys of both environments (and a revoked one), counterparties,
/// invoices and endpoints in both, and the pools of ids seen so far that <see cref="JRef"/>s resolve to.
/// </summary>
internal sealed class FuzzWorld
{
    private readonly Dictionary<string, List<string>> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<KeyKind, string> _keys = [];

    private FuzzWorld(ApiFactory factory)
    {
        Factory = factory;
        Client = factory.CreateClient();
    }

    public ApiFactory Factory { get; }

    public HttpClient Client { get; }

    public string Key(KeyKind kind) => _keys[kind];

    public static async Task<FuzzWorld> CreateAsync(ApiFactory factory)
    {
        var world = new FuzzWorld(factory);
        world._keys[KeyKind.Test] = (await factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        world._keys[KeyKind.Live] = (await factory.CreateKeyAsync(ApiEnvironment.Live)).Secret;
        var revoked = await factory.CreateKeyAsync(ApiEnvironment.Test);
        using (var output = new StringWriter())
        {
            (await Web.ApiKeys.KeysCommand.RunAsync(factory.Services, ["keys", "revoke", revoked.Key.Prefix], output, output)).ShouldBe(0);
        }

        world._keys[KeyKind.Revoked] = revoked.Secret;
        foreach (var (kind, pool) in new[] { (KeyKind.Test, string.Empty), (KeyKind.Live, "live:") })
        {
            var parties = new List<string>();
            for (var i = 0; i < 4; i++)
            {
                parties.Add(await world.CreateAsync(kind, "/v1/counterparties", $"{{\"name\":\"Fuzz party {i}\"}}"));
            }

            world.Pool(pool + "parties").AddRange(parties);
            world.Pool(pool + "counterparties").AddRange(parties);
            var invoice = $"{{\"amount_cents\":1000,\"invoice_date\":\"2026-01-01\",\"invoice_due_date\":\"2026-02-01\",\"invoice_number\":\"FUZZ-SEED\",\"originating_counterparty_id\":\"{parties[0]}\",\"receiving_counterparty_id\":\"{parties[1]}\"}}";
            world.Pool(pool + "invoices").Add(await world.CreateAsync(kind, "/v1/invoices", invoice));
            world.Pool(pool + "webhook_endpoints").Add(await world.CreateAsync(kind, "/v1/webhook_endpoints", "{\"url\":\"https://example.com/hook\",\"enabled_events\":[\"*\"]}"));
            using var events = await world.SendAsync(kind, HttpMethod.Get, "/v1/events?limit=5");
            foreach (var e in (await events.JsonAsync()).GetProperty("data").EnumerateArray())
            {
                world.Pool(pool + "events").Add(e.GetProperty("id").GetString()!);
            }
        }

        return world;
    }

    public List<string> Pool(string name) => _pools.TryGetValue(name, out var pool) ? pool : _pools[name] = [];

    /// <summary>Adds an id seen in an answer to its collection's pool (bounded, so old ids drop out).</summary>
    public void Remember(KeyKind kind, string collection, string id)
    {
        var pool = Pool((kind == KeyKind.Live ? "live:" : string.Empty) + collection);
        if (!pool.Contains(id, StringComparer.Ordinal))
        {
            pool.Add(id);
            if (pool.Count > 200)
            {
                pool.RemoveAt(0);
            }
        }
    }

    public string Resolve(JRef reference)
    {
        var pool = Pool(reference.Pool);
        return pool.Count == 0 ? RequestGenerator.Uuid(reference.Index) : pool[reference.Index % pool.Count];
    }

    /// <summary>Rows that matter in every environment: what a request may create, and the events every change writes.</summary>
    public Task<Counts> CountAsync() => Factory.DbAsync(async db => new Counts(
        await db.Events.IgnoreQueryFilters().LongCountAsync(),
        await db.Invoices.IgnoreQueryFilters().LongCountAsync(),
        await db.Counterparties.IgnoreQueryFilters().LongCountAsync(),
        await db.WebhookEndpoints.IgnoreQueryFilters().LongCountAsync()));

    public async Task<HttpResponseMessage> SendAsync(KeyKind kind, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _keys[kind]);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<string> CreateAsync(KeyKind kind, string path, string json)
    {
        using var response = await SendAsync(kind, HttpMethod.Post, path, json);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}

internal sealed record Counts(long Events, long Invoices, long Counterparties, long WebhookEndpoints)
{
    public static Counts operator -(Counts a, Counts b) =>
        new(a.Events - b.Events, a.Invoices - b.Invoices, a.Counterparties - b.Counterparties, a.WebhookEndpoints - b.WebhookEndpoints);
}
