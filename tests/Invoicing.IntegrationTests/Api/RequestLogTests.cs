using System.Net;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// The request line (Serilog.AspNetCore, docs/decisions/0031) names the endpoint's route template, and every line
/// logged while a request runs, the framework's and EF Core's too, carries the request's <c>Request-Id</c> rather than
/// ASP.NET Core's connection-based id.
/// </summary>
public sealed class RequestLogTests
{
    private const string EfCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    [Fact]
    public async Task Every_line_logged_during_a_request_carries_its_Request_Id_and_the_request_line_its_route()
    {
        // EF Core's command lines are Information, below the configured Microsoft level: this instance logs them.
        await using var factory = ApiFactory.Sqlite(new Dictionary<string, string?> { [$"Serilog:MinimumLevel:Override:{EfCommands}"] = "Information" });
        var client = await factory.ClientAsync();
        var requestId = "log-ids-" + Guid.NewGuid().ToString("N");
        var path = "/v1/invoices/" + Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Request-Id", requestId);

        (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // ASP.NET Core's scope puts RequestPath on every line logged inside a request.
        var inside = factory.Logs.Records.Where(r => Equals(r.Properties.GetValueOrDefault("RequestPath"), path)).ToList();
        inside.ShouldContain(r => r.Category == EfCommands); // the key lookup (a new key is not cached yet) and the invoice's
        inside.ShouldAllBe(r => Equals(r.Properties["RequestId"], requestId));
        var line = factory.Logs.Records.Where(r => r.Properties.ContainsKey("StatusCode") && Equals(r.Properties["RequestId"], requestId)).ShouldHaveSingleItem();
        line.Properties["Route"].ShouldBe("v1/invoices/{id}");
        line.Properties["Path"].ShouldBe(path);
    }
}
