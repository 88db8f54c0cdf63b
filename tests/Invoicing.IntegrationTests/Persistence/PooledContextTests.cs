using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>
/// A pooled context (docs/decisions/0022) goes back to the pool once per scope, however many of the scope's services
/// hand it out (<see cref="ApplicationDbContext"/> and <see cref="IApplicationDbContext"/>: the container disposes what
/// each registration returned). Returned twice, the pool would hold it twice and lend it to two requests at once,
/// which then share one change tracker, one transaction and the environment of whichever bound it last: a 500 at best,
/// another environment's rows at worst.
/// </summary>
public abstract class PooledContextTests(IApiFixture api) : ApiTests(api)
{
    /// <summary>More than the pool can hold (1024), so every context it holds is rented once at least.</summary>
    private const int Rentals = 1100;

    [Fact]
    public async Task A_context_goes_back_to_the_pool_once_when_its_scope_ends_not_when_one_of_its_services_is_disposed()
    {
        var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(ApiEnvironment.Test);
        var used = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().ShouldBeSameAs(used);
        (await used.Counterparties.CountAsync(Cancellation)).ShouldBeGreaterThanOrEqualTo(0);

        // What the container does first at the end of the scope, for one of the context's two services, while other
        // requests may be renting: the context must stay with its scope (and keep its environment). Renting more than
        // the pool holds empties it.
        await used.DisposeAsync();
        var held = Rent(Rentals);
        var again = new List<AsyncServiceScope>();
        try
        {
            Lent(held).ShouldBe(0, "the context was lent to another scope while its own scope still held it");
            (await used.Counterparties.CountAsync(Cancellation)).ShouldBeGreaterThanOrEqualTo(0);

            await scope.DisposeAsync(); // the rest of the scope's end: now it goes back to the (empty) pool, once
            again.AddRange(Rent(2));
            Lent(again).ShouldBe(1, "the context went back to the pool more than once");
        }
        finally
        {
            foreach (var s in held.Concat(again))
            {
                await s.DisposeAsync();
            }
        }

        List<AsyncServiceScope> Rent(int count)
        {
            var scopes = Enumerable.Range(0, count).Select(_ => Factory.Services.CreateAsyncScope()).ToList();
            scopes.Select(s => s.ServiceProvider.GetRequiredService<ApplicationDbContext>()).Distinct(ReferenceEqualityComparer.Instance)
                .Count().ShouldBe(count, "one context lent to two scopes at once");
            return scopes;
        }

        int Lent(List<AsyncServiceScope> scopes) =>
            scopes.Count(s => ReferenceEquals(s.ServiceProvider.GetRequiredService<ApplicationDbContext>(), used));
    }

    [Fact]
    public async Task Concurrent_scopes_of_both_environments_each_see_only_their_own_environment()
    {
        var test = await (await Factory.ClientAsync(ApiEnvironment.Test)).CreateCounterpartyAsync("Test side");
        var live = await (await Factory.ClientAsync(ApiEnvironment.Live)).CreateCounterpartyAsync("Live side");

        await Parallel.ForAsync(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation }, async (i, ct) =>
        {
            var environment = i % 2 == 0 ? ApiEnvironment.Test : ApiEnvironment.Live;
            await using var scope = Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(environment);
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            _ = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var seen = await db.Counterparties.Where(c => c.Id == test || c.Id == live).Select(c => c.Id).ToListAsync(ct);
            seen.ShouldBe([environment == ApiEnvironment.Test ? test : live], $"scope {i} ({environment})");
        });
    }
}

public sealed class PooledContextTestsOnSqlite(SqliteApi api) : PooledContextTests(api), IClassFixture<SqliteApi>;

public sealed class PooledContextTestsOnPostgres(PostgresApi api) : PooledContextTests(api), IClassFixture<PostgresApi>;

public sealed class PooledContextTestsOnSqlServer(SqlServerApi api) : PooledContextTests(api), IClassFixture<SqlServerApi>;
