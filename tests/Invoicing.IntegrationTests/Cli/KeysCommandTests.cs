using System.Net;
using Invoicing.Infrastructure.Startup;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Web.ApiKeys;

namespace Invoicing.IntegrationTests.Cli;

/// <summary>The <c>keys</c> command of §8, run against the service's configured database.</summary>
public sealed class KeysCommandTests(SqliteApi api) : ApiTests(api), IClassFixture<SqliteApi>
{
    [Fact]
    public async Task Create_prints_a_working_key_alone_on_the_last_line_and_list_never_shows_it()
    {
        var (code, output) = await RunAsync("keys", "create", "--environment", "live", "--name", "billing export");
        var key = output.TrimEnd().Split('\n')[^1];
        var (listCode, listing) = await RunAsync("keys", "list");

        code.ShouldBe(0);
        key.ShouldMatch("^sk_live_[0-9A-Za-z]{32}$");
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var counterparty = await (await client.PostJsonAsync("/v1/counterparties", """{"name":"Acme"}""")).JsonAsync();
        counterparty.GetProperty("environment").GetString().ShouldBe("live");
        listCode.ShouldBe(0);
        listing.ShouldNotContain(key);
        var prefix = key[..16];
        listing.Split('\n').ShouldContain(line => line.StartsWith(prefix) && line.Contains("live") && line.Contains("billing export"));
    }

    [Fact]
    public async Task Revoke_by_prefix_refuses_the_key_from_then_on_and_list_shows_when()
    {
        var (_, output) = await RunAsync("keys", "create", "--environment", "test");
        var key = output.TrimEnd().Split('\n')[^1];
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (code, _) = await RunAsync("keys", "revoke", key[..16]);
        var (_, listing) = await RunAsync("keys", "list");

        code.ShouldBe(0);
        await (await client.GetAsync("/v1/invoices/" + Guid.NewGuid())).ShouldBeEnvelopeAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var line = listing.Split('\n').Single(l => l.StartsWith(key[..16]));
        line.TrimEnd().ShouldMatch(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$");
    }

    [Theory]
    [InlineData("keys")]
    [InlineData("keys", "create")]
    [InlineData("keys", "create", "--environment", "prod")]
    [InlineData("keys", "create", "--environment")]
    [InlineData("keys", "revoke")]
    [InlineData("keys", "rotate", "x")]
    [InlineData("keys", "create", "--environment", "test", "--name", "a name that is one character longer than the hundred that a key's name may have, so it is refused....")]
    public async Task Wrong_usage_prints_the_usage_and_fails(params string[] args)
    {
        var (code, output) = await RunAsync(args);

        code.ShouldBe(2);
        output.ShouldContain("Usage:");
        output.ShouldNotContain("   at "); // a clear line, no stack trace
    }

    [Fact]
    public async Task Revoking_an_unknown_prefix_fails_with_a_message()
    {
        var (code, output) = await RunAsync("keys", "revoke", "sk_test_nothing1");

        code.ShouldBe(1);
        output.ShouldContain("sk_test_nothing1");
    }

    [Fact]
    public async Task The_first_start_in_development_prints_one_test_key_and_only_on_an_empty_database()
    {
        await using var empty = ApiFactory.Sqlite();
        _ = empty.Server;
        using var first = new StringWriter();
        using var second = new StringWriter();

        await DevelopmentKey.CreateIfFirstStartAsync(empty.Services, first);
        await DevelopmentKey.CreateIfFirstStartAsync(empty.Services, second);

        var key = first.ToString().TrimEnd().Split('\n')[^1];
        key.ShouldMatch("^sk_test_[0-9A-Za-z]{32}$");
        second.ToString().ShouldBeEmpty();
        var client = empty.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await client.GetAsync("/v1/counterparties/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await KeysCommand.RunAsync(Factory.Services, args, output, output);
        return (code, output.ToString());
    }
}
