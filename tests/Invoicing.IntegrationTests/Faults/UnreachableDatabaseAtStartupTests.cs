using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.IntegrationTests.Hosting;
using Npgsql;

namespace Invoicing.IntegrationTests.Faults;

/// <summary>
/// The real program started while its PostgreSQL server is down: it serves at once (live 200, ready 503, /v1 503
/// <c>service_unavailable</c> with <c>Retry-After</c>), logs one line per failed attempt without secrets and no Error line, and when the
/// server appears it migrates, stores its bootstrap key and becomes ready by itself, without exiting
/// (docs/decisions/0025). On a server of its own, in a container and from the server binaries, which starts only after
/// the service.
/// </summary>
public sealed partial class UnreachableDatabaseAtStartupTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PostgresHosting.Container)]
    [InlineData(PostgresHosting.Binaries)]
    public async Task The_service_starts_without_its_database_answers_not_ready_and_becomes_ready_when_the_database_appears(PostgresHosting hosting)
    {
        await using var server = PostgresServer.On(hosting);
        await server.InitializeAsync();
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        // A password in the connection string, which must never be logged: the container's own, or one that the binaries'
        // server (trust authentication) ignores.
        var connection = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        connection.Password ??= "hunter2-not-logged";
        var password = connection.Password;
        var connectionString = connection.ConnectionString;
        await server.StopAsync("fast");
        var key = BootstrapKeyTests.NewKey(ApiEnvironment.Test);
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Invoicing"] = connectionString,
                ["Invoicing__BootstrapKeys__0__Key"] = key,
                ["Invoicing__BootstrapKeys__0__Environment"] = "test",
            },
            "--urls",
            $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        await service.WaitUntilServingAsync(client, "/health/live");
        await (await client.GetAsync("/health/ready", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        var list = await client.GetAsync("/v1/invoices", Cancellation);
        await list.ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        list.Headers.RetryAfter?.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        await (await client.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""")).ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");

        // Several attempts fail while the server is down; the process keeps running.
        for (var i = 0; i < 100 && AttemptLines(service).Count < 3; i++)
        {
            await Task.Delay(100, Cancellation);
        }

        AttemptLines(service).Count.ShouldBeGreaterThanOrEqualTo(3, service.Output + service.Error);
        (await client.GetAsync("/health/live", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await server.StartAsync();
        var ready = false;
        for (var i = 0; i < 150 && !ready; i++)
        {
            ready = (await client.GetAsync("/health/ready", Cancellation)).StatusCode == HttpStatusCode.OK;
            if (!ready)
            {
                await Task.Delay(100, Cancellation);
            }
        }

        ready.ShouldBeTrue(service.Output + service.Error);

        // A normal start is no error: every poll of /health/ready above found a service still starting (docs/decisions/0025).
        var errors = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Level").GetString())
            .Where(level => level is "Error" or "Fatal");
        errors.ShouldBeEmpty(service.Output);
        var created = await client.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""");
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancellation));
        (await client.GetAsync("/v1/counterparties", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await service.StopAsync();
        var log = service.Output + service.Error;
        var attempts = AttemptLines(service);
        attempts.Count.ShouldBeGreaterThanOrEqualTo(3);
        attempts.Select(l => AttemptNumber().Match(l).Groups[1].Value).ShouldBe(Enumerable.Range(1, attempts.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        log.ShouldNotContain(password);
        log.ShouldNotContain(key[16..]);
        log.ShouldNotContain("   at "); // no stack trace, and no worker trying the database before it is migrated
        log.ShouldNotContain("An error occurred using the connection"); // one line per failed attempt, not EF's as well
        var prefix = key[..16];
        log.Split('\n').ShouldContain(l => l.Contains("Bootstrap key", StringComparison.Ordinal) && l.Contains(prefix, StringComparison.Ordinal) && l.Contains("stored", StringComparison.Ordinal));
        service.Error.ShouldBeEmpty();
    }

    private static List<string> AttemptLines(ServiceProcess service) =>
        [.. service.Output.Split('\n').Where(l => l.Contains("Database not reachable at start-up", StringComparison.Ordinal))];

    [GeneratedRegex(@"attempt (\d+):")]
    private static partial Regex AttemptNumber();
}
