using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Web.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// A key exists in clear only in its holder's hands (§2): after keys of every origin (the <c>keys</c> command, the
/// mediator, a bootstrap setting) were used for every kind of request, and valid, unknown, malformed and revoked keys
/// were presented in every way, no text column of any table, no log record (message, properties, exception) and no
/// answer (body and headers) holds a presented key, nor the part of it after the 16-character display prefix.
/// </summary>
public abstract class KeySecrecyTests(IApiFixture api) : ApiTests(api)
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [Fact]
    public async Task No_presented_key_is_stored_logged_or_answered_whether_valid_unknown_malformed_or_revoked()
    {
        using var output = new StringWriter();
        (await KeysCommand.RunAsync(Factory.Services, ["keys", "create", "--environment", "live", "--name", "secrecy"], output, output)).ShouldBe(0, output.ToString());
        var fromCommand = output.ToString().TrimEnd().Split('\n')[^1].Trim();
        var fromMediator = (await Factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var revoked = (await Factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var bootstrap = "sk_test_" + RandomNumberGenerator.GetString(Base62, 64);
        var bootstrapped = Factory.OnSameDatabase(TimeProvider.System, new Dictionary<string, string?>
        {
            ["Invoicing:BootstrapKeys:0:Key"] = bootstrap,
            ["Invoicing:BootstrapKeys:0:Environment"] = "test",
        });
        await using var bootstrappedDisposal = bootstrapped;
        _ = bootstrapped.Server; // stores the bootstrap key at start

        var valid = new[] { fromCommand, fromMediator, revoked, bootstrap };
        var unknown = new[]
        {
            "sk_test_" + RandomNumberGenerator.GetString(Base62, 32),
            "sk_live_" + RandomNumberGenerator.GetString(Base62, 128),
            fromMediator[..^1] + (fromMediator[^1] == 'a' ? 'b' : 'a'), // one character off a real key
            fromCommand + "Z", // a real key with one more character
        };
        var malformed = new[]
        {
            "sk_test_" + RandomNumberGenerator.GetString(Base62, 31),
            "sk_live_" + RandomNumberGenerator.GetString(Base62, 129),
            fromMediator + "!",
            "sk_prod_" + RandomNumberGenerator.GetString(Base62, 32),
            fromMediator.ToUpperInvariant(),
            fromMediator + "\u00e9",
        };

        var answers = new List<string>();
        foreach (var (key, instance) in new[] { (fromCommand, Factory), (fromMediator, Factory), (revoked, Factory), (bootstrap, bootstrapped) })
        {
            answers.AddRange(await UseForEverythingAsync(instance, key));
        }

        using (var revoke = new StringWriter())
        {
            (await KeysCommand.RunAsync(Factory.Services, ["keys", "revoke", revoked[..16]], revoke, revoke)).ShouldBe(0, revoke.ToString());
        }

        foreach (var key in unknown.Concat(malformed).Append(revoked))
        {
            foreach (var authorization in new[] { $"Bearer {key}", $"bearer  {key} ", key, $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":"))}", $"Bearer {key}, Bearer {fromMediator}" })
            {
                foreach (var (method, path, body) in new[] { ("GET", "/v1/invoices", null), ("POST", "/v1/counterparties", """{"name":"x"}"""), ("GET", "/v1/nothing", null), ("DELETE", "/v1/invoices", null) })
                {
                    using var request = Http.Request(new HttpMethod(method), path, body);
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                    using var response = await Factory.CreateClient().SendAsync(request, Cancellation);
                    answers.Add(await AnswerAsync(response));
                    await response.ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
                }
            }
        }

        var presented = valid.Concat(unknown).Concat(malformed).ToList();
        var stored = await EveryStoredValueAsync();
        var logs = Factory.Logs.Records.Concat(bootstrapped.Logs.Records)
            .Select(r => string.Join(" | ", [r.Category, r.Message, r.Exception?.ToString(), .. r.Properties.Select(p => $"{p.Key}={p.Value}")]))
            .ToList();
        stored.ShouldNotBeEmpty();
        logs.ShouldNotBeEmpty();
        answers.Count.ShouldBeGreaterThan(200);
        foreach (var key in presented)
        {
            foreach (var secret in new[] { key, key[16..] }.Where(s => s.Length >= 8))
            {
                stored.ShouldNotContain(value => value.Contains(secret, StringComparison.Ordinal), $"a stored value holds the key {key[..16]}…");
                logs.ShouldNotContain(line => line.Contains(secret, StringComparison.Ordinal), $"a log record holds the key {key[..16]}…");
                answers.ShouldNotContain(answer => answer.Contains(secret, StringComparison.Ordinal), $"an answer holds the key {key[..16]}…");
            }
        }

        // What is stored instead: the hash and the display prefix of each valid key.
        foreach (var key in valid)
        {
            stored.ShouldContain(ApiKey.HashOf(key));
            stored.ShouldContain(key[..16]);
        }
    }

    /// <summary>Every kind of request, with and without an Idempotency-Key (whose stored answer is replayed); the answers as text.</summary>
    private static async Task<List<string>> UseForEverythingAsync(ApiFactory instance, string key)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var answers = new List<string>();
        async Task<HttpResponseMessage> Send(HttpMethod method, string path, JsonNode? body = null, string? idempotencyKey = null)
        {
            var request = Http.Request(method, path, body?.ToJsonString());
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            var response = await client.SendAsync(request, Cancellation);
            ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync(Cancellation));
            answers.Add(await AnswerAsync(response));
            return response;
        }

        var a = (await (await Send(HttpMethod.Post, "/v1/counterparties", new JsonObject { ["name"] = "A", ["email"] = "a@example.com" })).JsonAsync()).GetProperty("id").GetGuid();
        var b = (await (await Send(HttpMethod.Post, "/v1/counterparties", new JsonObject { ["name"] = "B" }, "idem-" + Guid.NewGuid())).JsonAsync()).GetProperty("id").GetGuid();
        var invoice = (await (await Send(HttpMethod.Post, "/v1/invoices", Http.Invoice(a, b))).JsonAsync()).GetProperty("id").GetGuid();
        var replayed = "idem-" + Guid.NewGuid();
        var body = Http.Invoice(a, b);
        await Send(HttpMethod.Post, "/v1/invoices", body, replayed);
        await Send(HttpMethod.Post, "/v1/invoices", body, replayed);
        await Send(HttpMethod.Post, "/v1/invoices", Http.Invoice(a, b), replayed); // 422 reused
        await Send(HttpMethod.Post, "/v1/invoices/batch", new JsonArray(Http.Invoice(a, b), Http.Invoice(a, b)), "idem-" + Guid.NewGuid());
        await Send(HttpMethod.Post, "/v1/invoices/batch", new JsonArray(new JsonObject(), Http.Invoice(a, a)));
        await Send(HttpMethod.Post, $"/v1/invoices/{invoice}/pay");
        await Send(HttpMethod.Post, $"/v1/invoices/{invoice}/void");
        var endpoint = (await (await Send(HttpMethod.Post, "/v1/webhook_endpoints", new JsonObject { ["url"] = "https://hooks.example.com/x", ["enabled_events"] = new JsonArray("*") }, "idem-" + Guid.NewGuid())).JsonAsync()).GetProperty("id").GetGuid();
        await Send(HttpMethod.Get, $"/v1/webhook_endpoints/{endpoint}");
        await Send(HttpMethod.Delete, $"/v1/webhook_endpoints/{endpoint}");
        foreach (var path in new[] { "/v1/invoices", "/v1/counterparties", "/v1/events", "/v1/webhook_endpoints", $"/v1/invoices/{invoice}", $"/v1/counterparties/{a}", "/v1/invoices/" + Guid.NewGuid(), "/v1/invoices?limit=0", "/v1/nothing" })
        {
            await Send(HttpMethod.Get, path);
        }

        return answers;
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response) =>
        string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))
        + "\n\n" + await response.Content.ReadAsStringAsync(Cancellation);

    /// <summary>Every non-null value of every column of every table, as text (binary columns as UTF-8, Latin-1 and UTF-16).</summary>
    private Task<List<string>> EveryStoredValueAsync() => Factory.DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancellation);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Factory.Provider switch
            {
                "Postgres" => "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
                "SqlServer" => "SELECT name FROM sys.tables",
                _ => "SELECT name FROM sqlite_master WHERE type = 'table'",
            };
            await using var reader = await list.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.ShouldContain("api_keys");
        tables.ShouldContain("idempotency_keys");
        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(Cancellation);
            while (await reader.ReadAsync(Cancellation))
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    values.AddRange(Text(reader, c));
                }
            }
        }

        return values;
    });

    private static IEnumerable<string> Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? [] : reader.GetValue(column) switch
    {
        byte[] bytes => [Encoding.UTF8.GetString(bytes), Encoding.Latin1.GetString(bytes), Encoding.Unicode.GetString(bytes)], // SQL Server keeps some text as UTF-16 bytes (docs/decisions/0029)
        var value => [Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty],
    };
}

public sealed class KeySecrecyTestsOnSqlite(SqliteApi api) : KeySecrecyTests(api), IClassFixture<SqliteApi>;

public sealed class KeySecrecyTestsOnPostgres(PostgresApi api) : KeySecrecyTests(api), IClassFixture<PostgresApi>;

public sealed class KeySecrecyTestsOnSqlServer(SqlServerApi api) : KeySecrecyTests(api), IClassFixture<SqlServerApi>;
