using System.Net;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Web.ApiKeys;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Found keys are remembered for ApiKeys:CacheSeconds (5 by default): a key revoked by another process (the
/// <c>keys revoke</c> command, another instance) is refused by this instance within that bound (docs/decisions/0018).
/// The instance under test has its own clock; the revoking one is a second instance on the same database.
/// </summary>
public abstract class ApiKeyCacheTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task A_key_revoked_elsewhere_is_refused_once_the_cache_lifetime_has_passed()
    {
        var clock = new ManualClock();
        await using var instance = Factory.OnSameDatabase(clock);
        var key = await instance.CreateKeyAsync(ApiEnvironment.Test);
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await RevokeElsewhereAsync(key.Key.Prefix);

        clock.Advance(TimeSpan.FromSeconds(4.9));
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // still remembered
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_lifetime_is_configurable_and_zero_makes_revocation_immediate()
    {
        await using var instance = Factory.OnSameDatabase(new ManualClock(), new Dictionary<string, string?> { ["ApiKeys:CacheSeconds"] = "0" });
        var key = await instance.CreateKeyAsync(ApiEnvironment.Test);
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await RevokeElsewhereAsync(key.Key.Prefix);

        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid(), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task RevokeElsewhereAsync(string prefix)
    {
        using var output = new StringWriter();
        (await KeysCommand.RunAsync(Factory.Services, ["keys", "revoke", prefix], output, output)).ShouldBe(0, output.ToString());
    }
}

public sealed class ApiKeyCacheTestsOnSqlite(SqliteApi api) : ApiKeyCacheTests(api), IClassFixture<SqliteApi>;

public sealed class ApiKeyCacheTestsOnPostgres(PostgresApi api) : ApiKeyCacheTests(api), IClassFixture<PostgresApi>;

public sealed class ApiKeyCacheTestsOnSqlServer(SqlServerApi api) : ApiKeyCacheTests(api), IClassFixture<SqlServerApi>;
