using System.Diagnostics;
using System.Net;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Redis;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>, a revocation reaches every instance within a second (docs/decisions/0041), not
/// within <c>ApiKeys:CacheSeconds</c> (5 s, docs/decisions/0018): the <c>keys revoke</c> command publishes it, and another
/// instance that remembers the key forgets it on receipt. Real time, one real Redis, two instances on one database.
/// </summary>
public abstract class FleetRevocationTests(IApiFixture api, RedisServer redis) : ApiTests(api)
{
    [Fact]
    public async Task A_key_revoked_through_one_instance_is_refused_by_another_that_remembers_it_within_a_second()
    {
        redis.SkipWithout();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var first = Factory.OnSameDatabase(TimeProvider.System, settings);
        await using var second = Factory.OnSameDatabase(TimeProvider.System, settings);
        await RedisServer.WaitUntilReachableAsync(first, second);
        await second.Services.GetRequiredService<RevocationListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10), Cancellation);

        var key = await first.CreateKeyAsync(ApiEnvironment.Live);
        var other = await first.CreateKeyAsync(ApiEnvironment.Live);
        var onSecond = Client(second, key.Secret);
        await ShouldBeAcceptedAsync(onSecond); // the second instance now remembers the key for 5 s
        await ShouldBeAcceptedAsync(Client(second, other.Secret));

        using var output = new StringWriter();
        (await Web.ApiKeys.KeysCommand.RunAsync(first.Services, ["keys", "revoke", key.Key.Prefix], output, output)).ShouldBe(0, output.ToString());
        var revoked = Stopwatch.StartNew(); // committed

        HttpStatusCode status;
        while ((status = (await onSecond.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode) != HttpStatusCode.Unauthorized
            && revoked.Elapsed < TimeSpan.FromSeconds(5))
        {
            status.ShouldBe(HttpStatusCode.NotFound);
            await Task.Delay(20, Cancellation);
        }

        revoked.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        await ShouldBeRefusedAsync(onSecond);
        await ShouldBeAcceptedAsync(Client(second, other.Secret)); // only that key
    }

    private static HttpClient Client(ApiFactory instance, string secret)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    private static async Task ShouldBeAcceptedAsync(HttpClient client) =>
        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "invoice_not_found");

    private static async Task ShouldBeRefusedAsync(HttpClient client) =>
        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
}

public sealed class FleetRevocationTestsOnSqlite(SqliteApi api, RedisServer redis)
    : FleetRevocationTests(api, redis), IClassFixture<SqliteApi>, IClassFixture<RedisServer>;

public sealed class FleetRevocationTestsOnPostgres(PostgresApi api, RedisServer redis)
    : FleetRevocationTests(api, redis), IClassFixture<PostgresApi>, IClassFixture<RedisServer>;
