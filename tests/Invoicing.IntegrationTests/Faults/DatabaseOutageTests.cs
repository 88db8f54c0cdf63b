using System.Net;
using System.Text.Json.Nodes;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL stops while a batch of 1000 is being written (after its rows were streamed into the open transaction,
/// before the commit): the answer is the 500 envelope, readiness says 503 while the server is down, none of the batch
/// exists once it is back, and the same service (no restart) serves again from its first request on
/// (docs/decisions/0025). On a server of its own, in a container and from the server binaries: the shared fixture's
/// server is never stopped.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("immediate", PostgresHosting.Container)]
    [InlineData("fast", PostgresHosting.Container)]
    [InlineData("immediate", PostgresHosting.Binaries)]
    [InlineData("fast", PostgresHosting.Binaries)]
    public async Task The_database_stopped_in_the_middle_of_a_batch_leaves_none_of_it_and_the_service_serves_again_without_a_restart(string mode, PostgresHosting hosting)
    {
        await using var server = PostgresServer.On(hosting);
        await server.InitializeAsync();
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var factory = new ApiFactory("Postgres", await server.CreateDatabaseAsync());
        var client = await factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var batch = Batch(a, b, "OUT");
        var eventsBefore = await factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(Cancellation));

        // The test servers run with synchronous_commit=off (speed): a commit's WAL reaches the OS up to ~200 ms later,
        // so an `immediate` stop right now could lose the set-up's own committed rows. A checkpoint makes them durable.
        await factory.DbAsync(db => db.Database.ExecuteSqlRawAsync("CHECKPOINT", Cancellation));

        var stops = 0;
        factory.Faults.DuringSave = async _ =>
        {
            if (Interlocked.Increment(ref stops) == 1)
            {
                await server.StopAsync(mode);
            }
        };
        HttpResponseMessage failed;
        try
        {
            failed = await client.PostJsonAsync("/v1/invoices/batch", batch.DeepClone());
        }
        finally
        {
            factory.Faults.DuringSave = null;
        }

        stops.ShouldBe(1);
        var body = await failed.Content.ReadAsStringAsync(Cancellation);
        await failed.ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");
        foreach (var leak in new[] { "Npgsql", "Exception", "57P", "127.0.0.1", "postgres", " at " })
        {
            body.ShouldNotContain(leak, Case.Insensitive);
        }

        // While the server is down: not ready, still alive, and a /v1 request answers the envelope instead of hanging.
        await (await client.GetAsync("/health/ready", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        (await client.GetAsync("/health/live", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, "DOWN-1"))).ShouldBeEnvelopeAsync(HttpStatusCode.InternalServerError, "internal_error");

        await server.StartAsync();

        // The very first request after the restart already succeeds: the pool of dead connections was emptied.
        var first = await client.GetAsync("/v1/invoices?limit=1", Cancellation);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(Cancellation));
        (await client.GetAsync("/health/ready", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(Cancellation))).ShouldBe(0);
        (await factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(Cancellation))).ShouldBe(eventsBefore);

        // And it writes again: one invoice, and the very batch that failed.
        (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, "AFTER-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var retried = await client.PostJsonAsync("/v1/invoices/batch", batch.DeepClone());
        retried.StatusCode.ShouldBe(HttpStatusCode.Created, await retried.Content.ReadAsStringAsync(Cancellation));
        (await factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber.StartsWith("OUT-"), Cancellation))).ShouldBe(1000);
    }

    internal static JsonArray Batch(Guid originating, Guid receiving, string prefix, int count = 1000) =>
        [.. Enumerable.Range(0, count).Select(i => (JsonNode)Http.Invoice(originating, receiving, $"{prefix}-{i:D4}"))];
}
