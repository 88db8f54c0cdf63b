using System.Net;
using System.Text.Json;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>The built service as a real process: bad settings stop it with one clear line; its log never holds a key.</summary>
public sealed class StartupAndLoggingTests
{
    [Theory]
    [InlineData("Oracle", "", "Database:Provider must be Sqlite, Postgres or SqlServer, not 'Oracle'.")]
    [InlineData("Postgres", "", "ConnectionStrings:Invoicing is required when Database:Provider is Postgres.")]
    [InlineData("SqlServer", "", "ConnectionStrings:Invoicing is required when Database:Provider is SqlServer.")]
    public async Task A_bad_database_setting_stops_the_service_with_one_clear_line(string provider, string connectionString, string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Invoicing"] = connectionString,
        };

        var serve = await ServiceProcess.RunAsync(environment);
        var keys = await ServiceProcess.RunAsync(environment, "keys", "list");

        foreach (var (exitCode, output, error) in new[] { serve, keys })
        {
            exitCode.ShouldBe(1);
            error.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldBe("Invalid configuration: " + message);
            error.ShouldNotContain("   at ");
            output.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Every_failed_ValidateOnStart_check_renders_as_one_line_whatever_options_class_it_belongs_to()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddOptions<SampleLimits>().Validate(o => o.PermitLimit > 0, "RateLimits:PermitLimit must be at least 1.").ValidateOnStart();
        builder.Services.AddOptions<SampleWindow>().Validate(o => o.Seconds > 0, "RateLimits:WindowSeconds must be at least 1.").ValidateOnStart();
        var app = builder.Build();
        using var error = new StringWriter();

        var valid = app.ValidateOptionsOnStart(error);

        valid.ShouldBeFalse();
        error.ToString().ShouldBe("Invalid configuration: RateLimits:PermitLimit must be at least 1. RateLimits:WindowSeconds must be at least 1." + Environment.NewLine);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task The_log_of_a_run_with_keys_never_contains_a_key_and_has_the_environments_format(string hostEnvironment)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = hostEnvironment,
            ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase(),
        };
        var created = await ServiceProcess.RunAsync(environment, "keys", "create", "--environment", "live");
        created.ExitCode.ShouldBe(0, created.Error);
        var key = created.Output.TrimEnd().Split('\n')[^1];
        var revokedCreated = await ServiceProcess.RunAsync(environment, "keys", "create", "--environment", "test");
        revokedCreated.ExitCode.ShouldBe(0, revokedCreated.Error);
        var revokedKey = revokedCreated.Output.TrimEnd().Split('\n')[^1];
        (await ServiceProcess.RunAsync(environment, "keys", "revoke", revokedKey[..16])).ExitCode.ShouldBe(0);
        var unknownKey = "sk_test_" + new string('Z', 32);
        var port = ServiceProcess.FreePort();

        await using var service = ServiceProcess.Start(environment, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await service.WaitUntilServingAsync(client);
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        client.DefaultRequestHeaders.Authorization = new("Bearer", unknownKey);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", revokedKey);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await service.StopAsync();

        var log = service.Output + service.Error;
        log.ShouldContain("/v1/counterparties");
        log.ShouldContain(key[..16]);
        log.ShouldNotContain(key);
        log.ShouldNotContain(key[16..]);
        log.ShouldNotContain(unknownKey[8..]);
        log.ShouldNotContain(revokedKey[16..]);
        log.ShouldNotContain("Authorization", Case.Insensitive);
        log.ShouldNotContain("Bearer", Case.Insensitive);
        var lines = service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldNotBeEmpty();
        if (hostEnvironment == "Production")
        {
            var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList(); // one JSON object per line
            events.ShouldAllBe(e => e.ValueKind == JsonValueKind.Object);
            var request = events.Single(e => e.GetProperty("Properties").TryGetProperty("Path", out var path) && path.GetString() == "/v1/counterparties");
            request.GetProperty("Properties").GetProperty("StatusCode").GetInt32().ShouldBe(201);
            request.GetProperty("Properties").GetProperty("KeyPrefix").GetString().ShouldBe(key[..16]);
            request.GetProperty("Properties").GetProperty("Environment").GetString().ShouldBe("live");
        }
        else
        {
            lines.ShouldAllBe(line => !line.StartsWith('{'));
            var prefix = key[..16];
            lines.ShouldContain(line => line.Contains("HTTP POST /v1/counterparties responded 201") && line.Contains(prefix));
        }
    }

    // AddAuthentication brings ASP.NET Core's data protection, whose hosted service would load a key ring at every start
    // and, in a new container, create one and write it into the home directory. The API protects no data with it.
    [Fact]
    public async Task A_start_and_its_requests_write_nothing_into_the_home_directory()
    {
        var home = Directory.CreateTempSubdirectory("invoicing-home-");
        try
        {
            var port = ServiceProcess.FreePort();
            await using var service = ServiceProcess.Start(
                new Dictionary<string, string> { ["HOME"] = home.FullName, ["ConnectionStrings__Invoicing"] = ServiceProcess.NewSqliteDatabase() },
                "--urls",
                $"http://127.0.0.1:{port}");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            await service.WaitUntilServingAsync(client);
            (await client.GetAsync("/v1/invoices")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await service.StopAsync();

            home.EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Select(f => f.FullName).ShouldBeEmpty();
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

public sealed class SampleLimits
{
    public int PermitLimit { get; set; }
}

public sealed class SampleWindow
{
    public int Seconds { get; set; }
}
