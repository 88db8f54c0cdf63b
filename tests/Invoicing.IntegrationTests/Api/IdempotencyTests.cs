using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Safe retries with <c>Idempotency-Key</c> (§7) on one service instance, and across a restart.</summary>
public abstract class IdempotencyTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_repeat_replays_status_body_and_location_byte_for_byte_and_creates_nothing()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var key = NewKey();

        var first = await client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
        var second = await client.SendAsync(Post("/v1/invoices", body, key), Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Contains(Replayed).ShouldBeFalse();
        await ShouldBeReplayOfAsync(second, first);
        (await InvoicesNumberedAsync(body)).ShouldBe(1);
    }

    [Fact]
    public async Task A_repeat_after_a_restart_replays_too()
    {
        var key = await Factory.CreateKeyAsync(ApiEnvironment.Test);
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var idempotencyKey = NewKey();
        var first = await client.SendAsync(Post("/v1/invoices", body, idempotencyKey), Cancellation);

        await using var restarted = Factory.OnSameDatabase();
        var again = restarted.CreateClient();
        again.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var second = await again.SendAsync(Post("/v1/invoices", body, idempotencyKey), Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeReplayOfAsync(second, first);
        (await InvoicesNumberedAsync(body)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_or_path_is_422_and_runs_nothing()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var body = Http.Invoice(a, b).ToJsonString();
        var other = Http.Invoice(a, b).ToJsonString();
        var key = NewKey();
        (await client.SendAsync(Post("/v1/invoices", body, key), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var differentBody = await client.SendAsync(Post("/v1/invoices", other, key), Cancellation);
        var differentPath = await client.SendAsync(Post("/v1/counterparties", body, key), Cancellation);

        await differentBody.ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await differentPath.ShouldBeEnvelopeAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        (await InvoicesNumberedAsync(other)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_key_in_test_and_in_live_are_unrelated()
    {
        var test = await Factory.ClientAsync(ApiEnvironment.Test);
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var key = NewKey();

        var inTest = await test.SendAsync(Post("/v1/counterparties", """{"name":"Acme"}""", key), Cancellation);
        var inLive = await live.SendAsync(Post("/v1/counterparties", """{"name":"Acme"}""", key), Cancellation);

        inTest.StatusCode.ShouldBe(HttpStatusCode.Created);
        inLive.StatusCode.ShouldBe(HttpStatusCode.Created);
        inLive.Headers.Contains(Replayed).ShouldBeFalse();
        (await inLive.JsonAsync()).GetProperty("environment").GetString().ShouldBe("live");
        (await inLive.JsonAsync()).GetProperty("id").GetString().ShouldNotBe((await inTest.JsonAsync()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task After_a_500_a_retry_with_the_same_key_runs_and_succeeds()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var key = NewKey();

        HttpResponseMessage failed;
        Factory.Faults.FailAfterHandler = true;
        try
        {
            failed = await client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
        }
        finally
        {
            Factory.Faults.FailAfterHandler = false;
        }

        await failed.ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");
        (await InvoicesNumberedAsync(body)).ShouldBe(0);
        var retried = await client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
        retried.StatusCode.ShouldBe(HttpStatusCode.Created);
        retried.Headers.Contains(Replayed).ShouldBeFalse();
        (await InvoicesNumberedAsync(body)).ShouldBe(1);
        await ShouldBeReplayOfAsync(await client.SendAsync(Post("/v1/invoices", body, key), Cancellation), retried);
    }

    [Fact]
    public async Task A_batch_create_is_idempotent()
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var items = Enumerable.Range(0, 3).Select(_ => (JsonNode)Http.Invoice(a, b)).ToArray();
        var body = new JsonArray(items).ToJsonString();
        var key = NewKey();

        var first = await client.SendAsync(Post("/v1/invoices/batch", body, key), Cancellation);
        var second = await client.SendAsync(Post("/v1/invoices/batch", body, key), Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeReplayOfAsync(second, first);
        var numbers = items.Select(i => (string)i["invoice_number"]!).ToArray();
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => numbers.Contains(i.InvoiceNumber), Cancellation))).ShouldBe(3);
    }

    [Fact]
    public async Task A_4xx_answer_is_stored_and_replayed_like_a_success()
    {
        var client = await Factory.ClientAsync();
        var key = NewKey();

        var first = await client.SendAsync(Post("/v1/counterparties", """{"name":""}""", key), Cancellation);
        var second = await client.SendAsync(Post("/v1/counterparties", """{"name":""}""", key), Cancellation);
        var unknownRoute = await client.SendAsync(Post("/v1/nothing_here", "{}", key + "-route"), Cancellation);
        var unknownRouteAgain = await client.SendAsync(Post("/v1/nothing_here", "{}", key + "-route"), Cancellation);

        (await first.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe(["name blank This field may not be blank."]);
        await ShouldBeReplayOfAsync(second, first);
        await unknownRoute.ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "route_not_found");
        await ShouldBeReplayOfAsync(unknownRouteAgain, unknownRoute);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_leaves_the_key_unused()
    {
        var client = await Factory.ClientAsync();
        var key = NewKey();
        var huge = Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', 1024 * 1024) + "\"}");
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/counterparties") { Content = new StreamContent(new MemoryStream(huge)) };
        chunked.Content.Headers.ContentType = new("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.Add("Idempotency-Key", key);

        var tooLarge = await client.SendAsync(chunked, Cancellation);
        var next = await client.SendAsync(Post("/v1/counterparties", """{"name":"Acme"}""", key), Cancellation);

        await tooLarge.ShouldBeEnvelopeAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        next.StatusCode.ShouldBe(HttpStatusCode.Created);
        next.Headers.Contains(Replayed).ShouldBeFalse();
    }

    [Theory]
    [InlineData("   ", "Idempotency-Key blank This field may not be blank.")]
    [InlineData(null, "Idempotency-Key max_length Ensure this field has no more than 255 characters.")]
    public async Task A_key_that_is_blank_or_over_255_characters_is_invalid_request_and_runs_nothing(string? key, string error)
    {
        var client = await Factory.ClientAsync();
        var name = "Idem " + Guid.NewGuid().ToString("N");
        var request = Http.Request(HttpMethod.Post, "/v1/counterparties", $$"""{"name":"{{name}}"}""");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? new string('k', 256));

        var response = await client.SendAsync(request, Cancellation);

        (await response.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([error]);
        (await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().CountAsync(c => c.Name == name, Cancellation))).ShouldBe(0);
    }

    [Fact]
    public async Task A_key_of_255_characters_is_accepted()
    {
        var client = await Factory.ClientAsync();
        var key = new string('k', 254) + Guid.NewGuid().ToString("N")[..1];

        var first = await client.SendAsync(Post("/v1/counterparties", """{"name":"Acme"}""", key), Cancellation);
        var second = await client.SendAsync(Post("/v1/counterparties", """{"name":"Acme"}""", key), Cancellation);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeReplayOfAsync(second, first);
    }

    [Fact]
    public async Task A_repeat_while_the_first_still_runs_is_409_in_use_on_postgres_and_waits_then_replays_on_sqlite()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var key = NewKey();
        var gate = new CommandGate();
        Factory.Faults.HoldCommands = gate;
        try
        {
            var first = client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
            await WaitUntilAsync(() => gate.Waiting == 1); // the first is inside its transaction, before its handler

            if (Factory.IsServer)
            {
                var repeat = await client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
                await repeat.ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
                gate.Open();
                (await first).StatusCode.ShouldBe(HttpStatusCode.Created);
            }
            else
            {
                // SQLite has one writer at a time: the repeat's claim waits for the first's transaction.
                var repeat = client.SendAsync(Post("/v1/invoices", body, key), Cancellation);
                await Task.Delay(200, Cancellation);
                gate.Open();
                await ShouldBeReplayOfAsync(await repeat, await first);
            }
        }
        finally
        {
            Factory.Faults.HoldCommands = null;
        }

        (await InvoicesNumberedAsync(body)).ShouldBe(1);
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_instance_is_in_use_until_the_lock_timeout_then_taken_over()
    {
        var client = await Factory.ClientAsync();
        var body = Http.Invoice(await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B")).ToJsonString();
        var (fresh, stale) = (NewKey(), NewKey());
        var lockTimeout = Factory.Services.GetRequiredService<IOptions<IdempotencyOptions>>().Value.LockTimeout;
        await LeaveClaimAsync(fresh, "/v1/invoices", body, DateTime.UtcNow);
        await LeaveClaimAsync(stale, "/v1/invoices", body, DateTime.UtcNow - lockTimeout - TimeSpan.FromSeconds(5));

        var whileHeld = await client.SendAsync(Post("/v1/invoices", body, fresh), Cancellation);
        var takenOver = await client.SendAsync(Post("/v1/invoices", body, stale), Cancellation);
        var replayed = await client.SendAsync(Post("/v1/invoices", body, stale), Cancellation);

        await whileHeld.ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        takenOver.StatusCode.ShouldBe(HttpStatusCode.Created);
        takenOver.Headers.Contains(Replayed).ShouldBeFalse();
        await ShouldBeReplayOfAsync(replayed, takenOver);
        (await InvoicesNumberedAsync(body)).ShouldBe(1);
    }

    [Fact]
    public async Task Records_older_than_the_retention_are_deleted_in_bounded_batches_and_younger_ones_kept()
    {
        var retention = TimeSpan.FromHours(24);
        var marker = "purge-" + Guid.NewGuid().ToString("N")[..8] + "-";
        for (var i = 0; i < 5; i++)
        {
            await LeaveClaimAsync(marker + "old-" + i, "/v1/counterparties", "{}", DateTime.UtcNow - retention - TimeSpan.FromMinutes(1));
        }

        await LeaveClaimAsync(marker + "young", "/v1/counterparties", "{}", DateTime.UtcNow - retention + TimeSpan.FromMinutes(5));

        // Batches of 2 for 5 expired records: one batch alone would leave some behind.
        await Factory.DbAsync(db => new IdempotencyPurger(
            db,
            TimeProvider.System,
            Options.Create(new IdempotencyOptions { Retention = retention, CleanupBatchSize = 2 })).PurgeExpiredAsync(Cancellation));

        var left = await Factory.DbAsync(db => db.Set<IdempotencyRecord>().IgnoreQueryFilters()
            .Where(r => r.Key.StartsWith(marker)).Select(r => r.Key).ToListAsync(Cancellation));
        left.ShouldBe([marker + "young"]);
    }

    private const string Replayed = "Idempotent-Replayed";

    private static string NewKey() => "idem-" + Guid.NewGuid().ToString("N");

    private static HttpRequestMessage Post(string path, string body, string key)
    {
        var request = Http.Request(HttpMethod.Post, path, body);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task ShouldBeReplayOfAsync(HttpResponseMessage replay, HttpResponseMessage original)
    {
        replay.StatusCode.ShouldBe(original.StatusCode);
        replay.Headers.GetValues(Replayed).ShouldBe(["true"]);
        replay.Headers.Location.ShouldBe(original.Headers.Location);
        replay.Content.Headers.ContentType.ShouldBe(original.Content.Headers.ContentType);
        (await replay.Content.ReadAsByteArrayAsync(Cancellation)).ShouldBe(await original.Content.ReadAsByteArrayAsync(Cancellation));
    }

    private Task<int> InvoicesNumberedAsync(string body)
    {
        var number = (string)JsonNode.Parse(body)!["invoice_number"]!;
        return Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, Cancellation));
    }

    /// <summary>A claim without an answer, as an instance that died while running the request leaves it.</summary>
    private async Task LeaveClaimAsync(string key, string path, string body, DateTime claimedAt)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Test);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        db.Add(IdempotencyRecord.Claim(new IdempotentRequest(key, "POST", path, hash), claimedAt));
        await db.SaveChangesAsync(Cancellation);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            waited.ShouldBeLessThan(10_000, "the condition did not come true");
            await Task.Delay(10, Cancellation);
        }
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteApi api) : IdempotencyTests(api), IClassFixture<SqliteApi>;

public sealed class IdempotencyTestsOnPostgres(PostgresApi api) : IdempotencyTests(api), IClassFixture<PostgresApi>;

public sealed class IdempotencyTestsOnSqlServer(SqlServerApi api) : IdempotencyTests(api), IClassFixture<SqlServerApi>;
