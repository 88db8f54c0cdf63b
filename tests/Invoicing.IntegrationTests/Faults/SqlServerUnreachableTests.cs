using System.Net;
using System.Text.Json;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.IntegrationTests.Hosting;
using Microsoft.Data.SqlClient;

namespace Invoicing.IntegrationTests.Faults;

/// <summary>
/// What can be proven about SQL Server without one (docs/decisions/0030): SqlClient can open connections in the service's
/// process and in this one (it refuses to in invariant-globalization mode), and a server that does not answer makes the
/// real program wait and retry as with PostgreSQL (docs/decisions/0025): live 200, ready 503, /v1 503, one line per
/// attempt, no secret, no exit.
/// </summary>
public sealed class SqlServerUnreachableTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A port nobody listens on: a refused connection, at once.</summary>
    private static string ClosedServer() =>
        $"Server=tcp:127.0.0.1,{ServiceProcess.FreePort()};Database=invoicing;User Id=sa;Password=hunter2-not-logged;Connect Timeout=2;TrustServerCertificate=true";

    [Fact]
    public async Task A_refused_connection_is_a_SqlException_that_start_up_retries()
    {
        await using var connection = new SqlConnection(ClosedServer());

        var refused = await Should.ThrowAsync<SqlException>(() => connection.OpenAsync(Cancellation));

        DatabaseInitializer.IsUnreachable(refused).ShouldBeTrue(refused.ToString());
    }

    [Fact]
    public async Task The_program_on_a_SQL_Server_that_does_not_answer_serves_not_ready_and_keeps_trying()
    {
        var key = BootstrapKeyTests.NewKey(ApiEnvironment.Test);
        var port = ServiceProcess.FreePort();
        await using var service = ServiceProcess.Start(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = "SqlServer",
                ["ConnectionStrings__Invoicing"] = ClosedServer(),
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
        for (var i = 0; i < 150 && AttemptLines(service).Count < 3; i++)
        {
            await Task.Delay(100, Cancellation);
        }

        AttemptLines(service).Count.ShouldBeGreaterThanOrEqualTo(3, service.Output + service.Error);
        AttemptLines(service).ShouldAllBe(line => line.Contains("SQL Server")); // SqlClient's message, not the socket's ("Success")
        (await client.GetAsync("/health/live", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Still starting is no error: every poll of /health/ready above found a service still starting (docs/decisions/0025).
        var errors = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Level").GetString())
            .Where(level => level is "Error" or "Fatal");
        errors.ShouldBeEmpty(service.Output);

        await service.StopAsync();
        var log = service.Output + service.Error;
        log.ShouldNotContain("Globalization Invariant Mode");
        log.ShouldNotContain("hunter2");
        log.ShouldNotContain(key[16..]);
        log.ShouldNotContain("   at "); // no stack trace
        log.ShouldNotContain("An error occurred using the connection"); // one line per failed attempt, not EF's as well
        service.Error.ShouldBeEmpty();
    }

    private static List<string> AttemptLines(ServiceProcess service) =>
        [.. service.Output.Split('\n').Where(l => l.Contains("Database not reachable at start-up", StringComparison.Ordinal))];
}
