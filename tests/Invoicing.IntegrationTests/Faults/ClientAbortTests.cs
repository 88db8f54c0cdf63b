using System.Net;
using System.Text;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.IntegrationTests.Faults;

/// <summary>
/// The client gives up on a batch of 1000 while the service is writing it: afterwards either all of it or none of it
/// exists (with its events), never a part, and the service goes on serving.
/// </summary>
public abstract class ClientAbortTests(IApiFixture api) : ApiTests(api)
{
    public enum AbortPoint
    {
        /// <summary>The command has validated and opened its transaction and waits before its handler.</summary>
        BeforeTheHandler,

        /// <summary>Inside the save: on PostgreSQL after the COPY streamed the rows, on SQLite before the INSERTs.</summary>
        DuringTheSave,
    }

    [Theory]
    [InlineData(AbortPoint.BeforeTheHandler)]
    [InlineData(AbortPoint.DuringTheSave)]
    public async Task A_batch_aborted_by_the_client_mid_write_is_stored_whole_or_not_at_all_and_the_service_serves_on(AbortPoint point)
    {
        var client = await Factory.ClientAsync();
        var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
        var prefix = $"ABORT{(int)point}{Guid.NewGuid():N}"[..20];
        var batch = DatabaseOutageTests.Batch(a, b, prefix).ToJsonString();

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new CommandGate();
        if (point == AbortPoint.BeforeTheHandler)
        {
            Factory.Faults.HoldCommands = gate;
        }
        else
        {
            Factory.Faults.DuringSave = async _ =>
            {
                reached.TrySetResult();
                await gate.PassAsync(CancellationToken.None); // until the client has given up
            };
        }

        var logged = Factory.Logs.Records.Count;
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var call = client.PostAsync("/v1/invoices/batch", new StringContent(batch, Encoding.UTF8, "application/json"), abort.Token);
        try
        {
            if (point == AbortPoint.BeforeTheHandler)
            {
                while (gate.Waiting == 0)
                {
                    await Task.Delay(10, Cancellation);
                }
            }
            else
            {
                await reached.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
            }

            await abort.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(call);
        }
        finally
        {
            gate.Open();
            Factory.Faults.HoldCommands = null;
            Factory.Faults.DuringSave = null;
        }

        // The service's side of the request has ended once its one log line is written.
        for (var i = 0; i < 300 && !Factory.Logs.Records.Skip(logged).Any(r => r.Message.Contains("/v1/invoices/batch", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50, Cancellation);
        }

        Factory.Logs.Records.Skip(logged).ShouldContain(r => r.Message.Contains("/v1/invoices/batch", StringComparison.Ordinal));
        Factory.Logs.Records.Skip(logged).ShouldContain(r => Equals(r.Properties.GetValueOrDefault("StatusCode"), 499) && r.Exception == null); // the request line
        var stored = await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.InvoiceNumber.StartsWith(prefix)).Select(i => i.Id).ToListAsync(Cancellation));
        stored.Count.ShouldBeOneOf(0, 1000);
        var events = await Factory.DbAsync(db => db.Events.IgnoreQueryFilters().CountAsync(e => e.Type == "invoice.created" && e.Data.Contains(prefix), Cancellation));
        events.ShouldBe(stored.Count);

        // It serves on: the same batch again is created, or refused as a whole for its numbers, never a 500.
        var again = await client.PostJsonAsync("/v1/invoices/batch", batch);
        again.StatusCode.ShouldBe(stored.Count == 0 ? HttpStatusCode.Created : HttpStatusCode.BadRequest, await again.Content.ReadAsStringAsync(Cancellation));
        (await client.GetAsync("/v1/invoices?limit=1", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.InvoiceNumber.StartsWith(prefix), Cancellation))).ShouldBe(1000);
    }
}

public sealed class ClientAbortTestsOnSqlite(SqliteApi api) : ClientAbortTests(api), IClassFixture<SqliteApi>;

public sealed class ClientAbortTestsOnPostgres(PostgresApi api) : ClientAbortTests(api), IClassFixture<PostgresApi>;

public sealed class ClientAbortTestsOnSqlServer(SqlServerApi api) : ClientAbortTests(api), IClassFixture<SqlServerApi>;
