using System.Diagnostics;
using System.Net;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Api;

/// <summary>Data never crosses between test and live (§2), in either direction.</summary>
public abstract class EnvironmentIsolationTests(IApiFixture api) : ApiTests(api)
{
    private static new CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ApiEnvironment.Live, ApiEnvironment.Test)]
    [InlineData(ApiEnvironment.Test, ApiEnvironment.Live)]
    public async Task An_invoice_and_its_counterparties_do_not_exist_for_the_other_environment(ApiEnvironment owner, ApiEnvironment other)
    {
        var owning = await Factory.ClientAsync(owner);
        var foreign = await Factory.ClientAsync(other);
        var (a, b) = (await owning.CreateCounterpartyAsync("A"), await owning.CreateCounterpartyAsync("B"));
        var created = await (await owning.PostJsonAsync("/v1/invoices", Http.Invoice(a, b))).JsonAsync();
        var id = created.GetProperty("id").GetString();
        created.GetProperty("environment").GetString().ShouldBe(owner.ToString().ToLowerInvariant());

        await (await foreign.GetAsync($"/v1/invoices/{id}")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "invoice_not_found");
        await (await foreign.GetAsync($"/v1/counterparties/{a}")).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "counterparty_not_found");
        (await owning.GetAsync($"/v1/invoices/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owning.GetAsync($"/v1/counterparties/{a}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(ApiEnvironment.Live, ApiEnvironment.Test)]
    [InlineData(ApiEnvironment.Test, ApiEnvironment.Live)]
    public async Task A_counterparty_of_the_other_environment_does_not_exist_for_an_invoice(ApiEnvironment owner, ApiEnvironment other)
    {
        var foreignCounterparty = await (await Factory.ClientAsync(owner)).CreateCounterpartyAsync("Elsewhere");
        var client = await Factory.ClientAsync(other);
        var own = await client.CreateCounterpartyAsync("Here");
        var body = Http.Invoice(own, foreignCounterparty);

        var single = await client.PostJsonAsync("/v1/invoices", body);
        var batch = await client.PostJsonAsync("/v1/invoices/batch", new System.Text.Json.Nodes.JsonArray(body.DeepClone()));

        var expected = $"receiving_counterparty_id does_not_exist Invalid pk \"{foreignCounterparty}\" - object does not exist.";
        (await single.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([expected]);
        (await batch.ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request", withItems: true)).FieldErrors().ShouldBe(["[0]." + expected]);
        (await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().CountAsync(i => i.ReceivingCounterpartyId == foreignCounterparty))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_invoice_number_is_free_in_each_environment()
    {
        var number = Http.UniqueNumber();
        foreach (var environment in new[] { ApiEnvironment.Test, ApiEnvironment.Live })
        {
            var client = await Factory.ClientAsync(environment);
            var (a, b) = (await client.CreateCounterpartyAsync("A"), await client.CreateCounterpartyAsync("B"));
            (await client.PostJsonAsync("/v1/invoices", Http.Invoice(a, b, number))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var stored = await Factory.DbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.InvoiceNumber == number).Select(i => i.Environment).ToListAsync());
        stored.ShouldBe([ApiEnvironment.Test, ApiEnvironment.Live], ignoreOrder: true);
    }

    [Fact]
    public async Task A_pooled_context_rented_again_by_another_scope_never_carries_the_previous_environment()
    {
        var testCounterparty = await (await Factory.ClientAsync(ApiEnvironment.Test)).CreateCounterpartyAsync("Test side");
        var liveCounterparty = await (await Factory.ClientAsync(ApiEnvironment.Live)).CreateCounterpartyAsync("Live side");

        ApplicationDbContext used;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Test);
            used = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            (await used.Counterparties.Select(c => c.Id).ToListAsync(Cancellation)).ShouldContain(testCounterparty);
        }

        // The pool hands out its oldest context first: hold every other one until ours comes back (a background job
        // of the host may hold it for a moment).
        var scopes = new List<AsyncServiceScope>();
        try
        {
            ApplicationDbContext? again = null;
            for (var waited = Stopwatch.StartNew(); again is null;)
            {
                waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the disposed context never came back from the pool");
                var scope = Factory.Services.CreateAsyncScope();
                scopes.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                if (ReferenceEquals(db, used))
                {
                    again = db;

                    // No key has authenticated the new scope yet: the reused context fails closed instead of reading as Test.
                    await Should.ThrowAsync<InvalidOperationException>(() => db.Counterparties.ToListAsync(Cancellation));
                    scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Live);
                    var seen = await db.Counterparties.Select(c => c.Id).ToListAsync(Cancellation);
                    seen.ShouldContain(liveCounterparty);
                    seen.ShouldNotContain(testCounterparty);
                }
                else
                {
                    await Task.Delay(1, Cancellation);
                }
            }
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }
}

public sealed class EnvironmentIsolationTestsOnSqlite(SqliteApi api) : EnvironmentIsolationTests(api), IClassFixture<SqliteApi>;

public sealed class EnvironmentIsolationTestsOnPostgres(PostgresApi api) : EnvironmentIsolationTests(api), IClassFixture<PostgresApi>;

public sealed class EnvironmentIsolationTestsOnSqlServer(SqlServerApi api) : EnvironmentIsolationTests(api), IClassFixture<SqlServerApi>;
