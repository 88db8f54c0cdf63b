using System.Net;
using Invoicing.Application.ApiKeys.RevokeApiKey;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// A revoked key is refused within the documented delay (README "Getting a key", docs/decisions/0018,
/// <c>ApiKeys:CacheSeconds</c> = 5): at once by the instance that revoked it, within 5 seconds by every other instance
/// on the same database, and from then on for good. Each instance has its own clock, moved by the test.
/// </summary>
public abstract class KeyRevocationTests(IApiFixture api) : ApiTests(api)
{
    [Fact]
    public async Task Two_instances_that_both_remember_a_key_refuse_it_at_once_where_it_was_revoked_and_within_five_seconds_elsewhere()
    {
        var (firstClock, secondClock) = (new ManualClock(), new ManualClock());
        await using var first = Factory.OnSameDatabase(firstClock);
        await using var second = Factory.OnSameDatabase(secondClock);
        var key = await first.CreateKeyAsync(ApiEnvironment.Live);
        var (onFirst, onSecond) = (Client(first, key.Secret), Client(second, key.Secret));
        await ShouldBeAcceptedAsync(onFirst);
        await ShouldBeAcceptedAsync(onSecond); // both instances now remember the key

        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeApiKeyCommand(key.Key.Prefix), Cancellation);
        }

        await ShouldBeRefusedAsync(onFirst); // the revoking instance: at once, though its clock has not moved
        await ShouldBeAcceptedAsync(onSecond);
        secondClock.Advance(TimeSpan.FromSeconds(4.9));
        await ShouldBeAcceptedAsync(onSecond); // still within ApiKeys:CacheSeconds
        secondClock.Advance(TimeSpan.FromSeconds(0.1));
        await ShouldBeRefusedAsync(onSecond);

        // For good: an instance that asks the database again never remembers a revoked key.
        firstClock.Advance(TimeSpan.FromMinutes(1));
        secondClock.Advance(TimeSpan.FromMinutes(1));
        await ShouldBeRefusedAsync(onFirst);
        await ShouldBeRefusedAsync(onSecond);
        await ShouldBeRefusedAsync(Client(Factory, key.Secret)); // an instance that never saw it
    }

    [Fact]
    public async Task A_key_revoked_by_the_keys_command_of_the_same_process_is_refused_at_once()
    {
        var clock = new ManualClock();
        await using var instance = Factory.OnSameDatabase(clock);
        var key = await instance.CreateKeyAsync(ApiEnvironment.Test);
        var client = Client(instance, key.Secret);
        await ShouldBeAcceptedAsync(client);
        var other = Client(instance, (await instance.CreateKeyAsync(ApiEnvironment.Test)).Secret);
        await ShouldBeAcceptedAsync(other);

        using var output = new StringWriter();
        (await Web.ApiKeys.KeysCommand.RunAsync(instance.Services, ["keys", "revoke", key.Key.Prefix], output, output)).ShouldBe(0, output.ToString());

        await ShouldBeRefusedAsync(client);
        await ShouldBeAcceptedAsync(other); // only that key
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

public sealed class KeyRevocationTestsOnSqlite(SqliteApi api) : KeyRevocationTests(api), IClassFixture<SqliteApi>;

public sealed class KeyRevocationTestsOnPostgres(PostgresApi api) : KeyRevocationTests(api), IClassFixture<PostgresApi>;

public sealed class KeyRevocationTestsOnSqlServer(SqlServerApi api) : KeyRevocationTests(api), IClassFixture<SqlServerApi>;
