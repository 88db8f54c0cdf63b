using System.Net;
using System.Text.Json.Nodes;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Two service instances on one PostgreSQL database (§7): the claim is the database's unique index, not a
/// lock in one process. PostgreSQL only: it is the database several instances share in production.
/// </summary>
public sealed class MultiInstanceIdempotencyTests(PostgresServer server) : IAsyncLifetime
{
    private ApiFactory? _first;
    private ApiFactory? _second;

    public async ValueTask InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            _first = new ApiFactory("Postgres", await server.CreateDatabaseAsync());
            _ = _first.Server;
            _second = _first.OnSameDatabase();
            _ = _second.Server;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in new[] { _first, _second })
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_hundred_parallel_identical_requests_over_two_instances_create_one_invoice()
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var cancellation = TestContext.Current.CancellationToken;
        var secret = (await _first!.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var clients = new[] { _first.CreateClient(), _second!.CreateClient() };
        foreach (var client in clients)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        }

        var body = Http.Invoice(await clients[0].CreateCounterpartyAsync("A"), await clients[1].CreateCounterpartyAsync("B")).ToJsonString();
        var key = "parallel-" + Guid.NewGuid().ToString("N");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        {
            var request = Http.Request(HttpMethod.Post, "/v1/invoices", body);
            request.Headers.Add("Idempotency-Key", key);
            return clients[i % 2].SendAsync(request, cancellation);
        }));

        var number = (string)JsonNode.Parse(body)!["invoice_number"]!;
        (await _first.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber == number, cancellation))).ShouldBe(1);
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.ShouldNotBeEmpty();
        foreach (var response in responses.Except(created))
        {
            await response.ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "idempotency_key_in_use");
        }

        // Every 201 is the one answer: the original or its replay, byte for byte, with the same Location.
        created.Count(r => !r.Headers.Contains("Idempotent-Replayed")).ShouldBe(1);
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync(cancellation)));
        bodies.Distinct().Count().ShouldBe(1);
        created.Select(r => r.Headers.Location).Distinct().Count().ShouldBe(1);

        // Afterwards both instances replay it.
        foreach (var client in clients)
        {
            var request = Http.Request(HttpMethod.Post, "/v1/invoices", body);
            request.Headers.Add("Idempotency-Key", key);
            var replay = await client.SendAsync(request, cancellation);
            replay.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await replay.Content.ReadAsStringAsync(cancellation)).ShouldBe(bodies[0]);
        }
    }
}
