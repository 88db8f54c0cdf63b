using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Api;

/// <summary>The delivery worker as it runs in the service, and its connection guard (§9).</summary>
public sealed class WebhookWorkerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_background_worker_delivers_on_its_own()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = ApiFactory.Sqlite(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateUrls"] = "true",
            ["Webhooks:DeliveryEnabled"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.100",
        });
        var client = await factory.ClientAsync();
        var endpoint = await client.PostJsonAsync("/v1/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["enabled_events"] = new JsonArray("*") });
        endpoint.StatusCode.ShouldBe(HttpStatusCode.Created);

        var id = await client.CreateCounterpartyAsync("Pushed");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancellation);
        }

        receiver.Requests.ShouldHaveSingleItem().ObjectId.ShouldBe(id.ToString());
    }

    [Fact]
    public async Task Without_the_allowance_a_delivery_never_connects_to_a_loopback_address()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var client = new HttpClient(WebhookHttp.CreateHandler(allowPrivate: false));

        var refused = await Should.ThrowAsync<HttpRequestException>(() =>
            client.PostAsync(receiver.Url, new StringContent("{}", Encoding.UTF8, "application/json"), Cancellation));

        refused.Message.ShouldContain("loopback or private");
        receiver.Requests.ShouldBeEmpty();

        using var allowed = new HttpClient(WebhookHttp.CreateHandler(allowPrivate: true));
        (await allowed.PostAsync(receiver.Url, new StringContent("{}", Encoding.UTF8, "application/json"), Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
