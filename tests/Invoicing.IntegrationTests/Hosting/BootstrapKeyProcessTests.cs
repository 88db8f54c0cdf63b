using System.Net;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// The built service as a real process with bootstrap keys in environment variables (as a container gets them):
/// a bad one stops the start with one line that never repeats the key; a good one is never logged.
/// </summary>
public sealed class BootstrapKeyProcessTests
{
    private static readonly string TestKey = BootstrapKeyTests.NewKey(ApiEnvironment.Test);

    public static TheoryData<string, string, string> BadKeys => new()
    {
        { "sk_test_Sh0rtButSecret", "test", "Invoicing:BootstrapKeys:0:Key is not a valid API key: it must be sk_test_ or sk_live_ followed by 32 to 128 base62 characters (the value given has 22 characters)." },
        { "pk_test_" + TestKey[8..], "test", "Invoicing:BootstrapKeys:0:Key is not a valid API key: it must be sk_test_ or sk_live_ followed by 32 to 128 base62 characters (the value given has 48 characters)." },
        { TestKey, "staging", "Invoicing:BootstrapKeys:0:Environment must be test or live, not 'staging'." },
        { TestKey, "", "Invoicing:BootstrapKeys:0:Environment is required (test or live)." },
        { TestKey, "live", "Invoicing:BootstrapKeys:0:Key starts with sk_test_ but Invoicing:BootstrapKeys:0:Environment is live." },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_bad_bootstrap_key_stops_the_start_with_one_clear_line_that_does_not_contain_it(string key, string environmentName, string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
            ["Invoicing__BootstrapKeys__0__Key"] = key,
            ["Invoicing__BootstrapKeys__0__Environment"] = environmentName,
        };

        var (exitCode, output, error) = await ServiceProcess.RunAsync(environment);

        exitCode.ShouldBe(1);
        error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe("Invalid configuration: " + message);
        output.ShouldBeEmpty();
        (output + error).ShouldNotContain(key[8..]);
    }

    [Fact]
    public async Task Two_keys_with_the_same_first_16_characters_stop_the_start_with_one_line()
    {
        var other = TestKey[..16] + new string('q', 32);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
            ["Invoicing__BootstrapKeys__0__Key"] = TestKey,
            ["Invoicing__BootstrapKeys__0__Environment"] = "test",
            ["Invoicing__BootstrapKeys__1__Key"] = other,
            ["Invoicing__BootstrapKeys__1__Environment"] = "test",
        };

        var (exitCode, output, error) = await ServiceProcess.RunAsync(environment);

        exitCode.ShouldBe(1);
        error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe(
            $"Invalid configuration: Invoicing:BootstrapKeys:1:Key has the same first 16 characters ({TestKey[..16]}) as Invoicing:BootstrapKeys:0:Key; each key is shown by them, so they must differ.");
        (output + error).ShouldNotContain(TestKey[16..]);
        (output + error).ShouldNotContain(other[16..]);
    }

    [Fact]
    public async Task A_bootstrap_key_that_clashes_with_the_display_prefix_of_a_stored_key_stops_the_start_with_one_line()
    {
        var database = ServiceProcess.NewSqliteDatabase();
        var created = await ServiceProcess.RunAsync(new Dictionary<string, string> { ["ConnectionStrings__Invoicing"] = database }, "keys", "create", "--environment", "test");
        created.ExitCode.ShouldBe(0, created.Error);
        var stored = created.Output.TrimEnd().Split('\n')[^1];
        var clash = stored[..16] + new string('q', 32);

        var (exitCode, output, error) = await ServiceProcess.RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Invoicing"] = database,
            ["Invoicing__BootstrapKeys__0__Key"] = clash,
            ["Invoicing__BootstrapKeys__0__Environment"] = "test",
        });

        exitCode.ShouldBe(1);
        error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe(
            $"Invalid configuration: Invoicing:BootstrapKeys:0:Key starts with {stored[..16]}, the display prefix of another stored key; choose a key that differs from it in its first 16 characters.");
        (output + error).ShouldNotContain(clash[16..]);
    }

    [Fact]
    public async Task A_start_with_bootstrap_keys_serves_them_and_its_log_never_contains_them()
    {
        var live = BootstrapKeyTests.NewKey(ApiEnvironment.Live);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
            ["Invoicing__BootstrapKeys__0__Key"] = TestKey,
            ["Invoicing__BootstrapKeys__0__Environment"] = "test",
            ["Invoicing__BootstrapKeys__1__Key"] = live,
            ["Invoicing__BootstrapKeys__1__Environment"] = "live",
            ["Invoicing__BootstrapKeys__1__Name"] = "partner-suite",
        };
        var port = ServiceProcess.FreePort();

        await using var service = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await service.WaitUntilServingAsync(client);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var key in new[] { TestKey, live })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            (await client.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""")).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await service.StopAsync();

        var log = service.Output + service.Error;
        log.ShouldContain($"Bootstrap key {TestKey[..16]} (test) stored");
        log.ShouldContain($"Bootstrap key {live[..16]} (live) stored");
        log.ShouldNotContain(TestKey[16..]);
        log.ShouldNotContain(live[16..]);
        log.ShouldNotContain("First start with an empty database"); // the bootstrap keys fill the table: no development key
    }

    [Fact]
    public async Task The_healthcheck_command_exits_0_when_the_service_is_ready_and_1_when_nothing_answers()
    {
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var before = await ServiceProcess.RunAsync(environment, "healthcheck");
        await using var service = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await service.WaitUntilServingAsync(client);
        var ready = await ServiceProcess.RunAsync(environment, "healthcheck");

        before.ExitCode.ShouldBe(1);
        before.Error.TrimEnd().ShouldBe($"Not ready: http://127.0.0.1:{port}/health/ready did not answer (HttpRequestException).");
        ready.ExitCode.ShouldBe(0, ready.Error);
        ready.Output.ShouldBeEmpty();
    }
}
