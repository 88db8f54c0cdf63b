using System.Collections.Concurrent;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>
/// A command that writes with one save has that save as its unit of work (docs/decisions/0048): no transaction is
/// begun around it, a save is atomic by itself, and a second save in the unit fails before it writes. On PostgreSQL a
/// batch of INSERTs is its own transaction; a batch that updates still gets EF's.
/// </summary>
public abstract class SingleSaveTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_unit_that_is_its_one_save_refuses_a_second_save_before_it_writes()
    {
        var (first, second) = (Counterparty.Create("First save", null, DateTimeOffset.UtcNow), Counterparty.Create("Second save", null, DateTimeOffset.UtcNow));
        await using (var scope = TestScope(out var db))
        {
            await using var unit = await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginSingleSaveAsync(Cancellation);
            db.Counterparties.Add(first);
            await db.SaveChangesAsync(Cancellation);
            db.Counterparties.Add(second);

            var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancellation));

            refused.Message.ShouldContain("saved a second time");
            await unit.CommitAsync(Cancellation);
        }

        var stored = await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters()
            .Where(c => c.Id == first.Id || c.Id == second.Id).Select(c => c.Name).ToListAsync(Cancellation));
        stored.ShouldBe(["First save"]);
    }

    [Fact]
    public async Task Outside_a_transaction_only_a_save_that_updates_gets_one_on_PostgreSQL()
    {
        var counterparty = Counterparty.Create("Inserted", null, DateTimeOffset.UtcNow);
        var transactions = new ConcurrentQueue<string>();
        Factory.Faults.Transactions = transactions;
        try
        {
            await using var scope = TestScope(out var db);

            // The counterparty, its event and the event's queue row: INSERTs only.
            db.Counterparties.Add(counterparty);
            await db.SaveChangesAsync(Cancellation);
            var afterInserts = transactions.Count;

            // An UPDATE (whose rows affected EF checks after the batch ran) with the INSERTs of its event.
            counterparty.Update(new Change<string>(true, "Updated"), default, null, DateTimeOffset.UtcNow).ShouldBeTrue();
            await db.SaveChangesAsync(Cancellation);

            (afterInserts, transactions.Count).ShouldBe(Factory.Provider == "Postgres" ? (0, 1) : (1, 2));
        }
        finally
        {
            Factory.Faults.Transactions = null;
        }

        (await Factory.DbAsync(db => db.Counterparties.IgnoreQueryFilters().SingleAsync(c => c.Id == counterparty.Id, Cancellation))).Name.ShouldBe("Updated");
    }

    private AsyncServiceScope TestScope(out ApplicationDbContext db)
    {
        var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Test);
        db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return scope;
    }
}

public sealed class SingleSaveTestsOnSqlite(SqliteApi api) : SingleSaveTests(api), IClassFixture<SqliteApi>;

public sealed class SingleSaveTestsOnPostgres(PostgresApi api) : SingleSaveTests(api), IClassFixture<PostgresApi>;

public sealed class SingleSaveTestsOnSqlServer(SqlServerApi api) : SingleSaveTests(api), IClassFixture<SqlServerApi>;
