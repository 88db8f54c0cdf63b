using System.Net;
using System.Security.Cryptography;
using Invoicing.Application.ApiKeys.EnsureBootstrapKey;
using Invoicing.Application.ApiKeys.RevokeApiKey;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// Keys from <c>Invoicing:BootstrapKeys</c> work from the first request, survive restarts without duplicates,
/// are stored as hashes only, and two instances storing the same key at once both start.
/// </summary>
public abstract class BootstrapKeyTests : IAsyncDisposable
{
    private readonly List<ApiFactory> _factories = [];

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static string NewKey(ApiEnvironment environment) =>
        ApiKey.EnvironmentPrefix(environment) + RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 40);

    public static Dictionary<string, string?> Settings(params (string Key, string Environment, string? Name)[] keys)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Invoicing:BootstrapKeys:{i}:Key"] = keys[i].Key;
            settings[$"Invoicing:BootstrapKeys:{i}:Environment"] = keys[i].Environment;
            if (keys[i].Name is { } name)
            {
                settings[$"Invoicing:BootstrapKeys:{i}:Name"] = name;
            }
        }

        return settings;
    }

    [Fact]
    public async Task A_host_started_with_bootstrap_keys_answers_requests_made_with_them_in_their_environments()
    {
        var (test, live) = (NewKey(ApiEnvironment.Test), NewKey(ApiEnvironment.Live));
        var factory = await StartAsync(Settings((test, "test", "partner-ci"), (live, "Live", null)));

        var testClient = Client(factory, test);
        var liveClient = Client(factory, live);
        var created = await (await testClient.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""")).JsonAsync();
        created.GetProperty("environment").GetString().ShouldBe("test");
        var id = created.GetProperty("id").GetString();
        (await testClient.GetAsync($"/v1/counterparties/{id}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await liveClient.GetAsync($"/v1/counterparties/{id}", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "counterparty_not_found");
        (await (await liveClient.PostJsonAsync("/v1/counterparties", """{"name":"Globex"}""")).JsonAsync()).GetProperty("environment").GetString().ShouldBe("live");

        var stored = await factory.DbAsync(db => db.ApiKeys.Select(k => new { k.Prefix, k.Environment, k.Name }).ToListAsync(Cancellation));
        stored.ShouldBe([new { Prefix = test[..16], Environment = ApiEnvironment.Test, Name = (string?)"partner-ci" }, new { Prefix = live[..16], Environment = ApiEnvironment.Live, Name = (string?)"bootstrap" }], ignoreOrder: true);
    }

    [Fact]
    public async Task Restarting_with_the_same_configuration_creates_no_duplicate_and_keeps_the_first_row()
    {
        var key = NewKey(ApiEnvironment.Test);
        var first = await StartAsync(Settings((key, "test", null)));
        var before = await first.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(Cancellation));
        await first.DisposeAsync();

        var restarted = await StartAsync(first.OnSameDatabase());
        var second = await StartAsync(first.OnSameDatabase()); // a second instance beside the restarted one

        (await restarted.DbAsync(db => db.ApiKeys.CountAsync(Cancellation))).ShouldBe(1);
        var after = await restarted.DbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(Cancellation));
        (after.Id, after.Hash, after.CreatedAt).ShouldBe((before.Id, before.Hash, before.CreatedAt));
        (await Client(restarted, key).GetAsync("/v1/invoices", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(second, key).GetAsync("/v1/invoices", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_keys_table_holds_only_the_hash_and_display_prefix_of_a_bootstrap_key()
    {
        var (test, live) = (NewKey(ApiEnvironment.Test), NewKey(ApiEnvironment.Live));
        var factory = await StartAsync(Settings((test, "test", null), (live, "live", null)));

        var rows = await factory.DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Cancellation);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM api_keys";
            await using var reader = await command.ExecuteReaderAsync(Cancellation);
            var all = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync(Cancellation))
            {
                all.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            }

            return all;
        });

        rows.Count.ShouldBe(2);
        rows.Select(r => r["hash"]).ShouldBe([ApiKey.HashOf(test), ApiKey.HashOf(live)], ignoreOrder: true);
        rows.Select(r => r["prefix"]).ShouldBe([test[..16], live[..16]], ignoreOrder: true);
        foreach (var value in rows.SelectMany(r => r.Values))
        {
            value.ShouldNotContain(test[16..]);
            value.ShouldNotContain(live[16..]);
        }
    }

    [Fact]
    public async Task A_revoked_bootstrap_key_stays_revoked_after_a_restart()
    {
        var key = NewKey(ApiEnvironment.Live);
        var first = await StartAsync(Settings((key, "live", null)));
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var prefix = key[..16];
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeApiKeyCommand(prefix), Cancellation);
        }

        await first.DisposeAsync();
        var restarted = await StartAsync(first.OnSameDatabase());

        await (await Client(restarted, key).GetAsync("/v1/invoices", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
        (await restarted.DbAsync(db => db.ApiKeys.CountAsync(Cancellation))).ShouldBe(1);
        var warning = $"Bootstrap key {key[..16]} (live) is revoked and stays revoked";
        restarted.Logs.Records.ShouldContain(r => r.Message == warning);
    }

    [Fact]
    public async Task Two_instances_storing_the_same_key_at_the_same_moment_both_succeed_with_one_row()
    {
        var factory = await StartAsync(Settings());
        var key = NewKey(ApiEnvironment.Test);

        // Both have looked and found nothing before either inserts: one insert wins, the other meets the unique index.
        factory.Faults.BeforeSave = new Barrier(2);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnsureBootstrapKeyCommand(key, ApiEnvironment.Test, "race"), Cancellation);
        })));
        factory.Faults.BeforeSave = null;

        outcomes.Select(o => o.Status).ShouldBe([BootstrapKeyStatus.Created, BootstrapKeyStatus.AlreadyStored], ignoreOrder: true);
        (await factory.DbAsync(db => db.ApiKeys.CountAsync(k => k.Hash == ApiKey.HashOf(key), Cancellation))).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_whose_display_prefix_another_stored_key_has_is_refused_and_not_stored()
    {
        var factory = await StartAsync(Settings());
        var stored = (await factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
        var clash = stored[..16] + new string('z', 32);

        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EnsureBootstrapKeyCommand(clash, ApiEnvironment.Test, null), Cancellation);

        outcome.ShouldBe(new BootstrapKeyOutcome(BootstrapKeyStatus.PrefixTaken, stored[..16], ApiEnvironment.Test));
        (await factory.DbAsync(db => db.ApiKeys.CountAsync(k => k.Hash == ApiKey.HashOf(clash), Cancellation))).ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A new service (not started yet) on a new database of this provider; skips the test when the provider cannot run here.</summary>
    protected abstract Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings);

    private static HttpClient Client(ApiFactory factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private async Task<ApiFactory> StartAsync(IReadOnlyDictionary<string, string?> settings) => await StartAsync(await NewFactoryAsync(settings));

    private Task<ApiFactory> StartAsync(ApiFactory factory)
    {
        _factories.Add(factory);
        _ = factory.Server; // start: migrations, then the bootstrap keys
        return Task.FromResult(factory);
    }
}

public sealed class BootstrapKeyTestsOnSqlite : BootstrapKeyTests
{
    protected override Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings) => Task.FromResult(ApiFactory.Sqlite(settings));
}

/// <summary>On one of the run's servers, a database of its own for each factory (skipped when that server cannot run).</summary>
public abstract class BootstrapKeyTestsOnServer(DatabaseServer server) : BootstrapKeyTests
{
    protected override async Task<ApiFactory> NewFactoryAsync(IReadOnlyDictionary<string, string?> settings)
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        return new ApiFactory(server.Provider, await server.CreateDatabaseAsync(), settings);
    }
}

public sealed class BootstrapKeyTestsOnPostgres(PostgresServer server) : BootstrapKeyTestsOnServer(server);

public sealed class BootstrapKeyTestsOnSqlServer(SqlServerContainer server) : BootstrapKeyTestsOnServer(server);
