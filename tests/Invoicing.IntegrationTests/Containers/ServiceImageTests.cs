using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;
using DotNet.Testcontainers.Configurations;
using Invoicing.Client;
using Invoicing.IntegrationTests.Client;
using Invoicing.IntegrationTests.Fixtures;
using Invoicing.Testcontainers;

namespace Invoicing.IntegrationTests.Containers;

/// <summary>
/// What another team's suite does with this service (issue 16): Invoicing.Testcontainers starts PostgreSQL and the
/// service's image on a Docker network of their own, the service stores the bootstrap keys, and the suite drives
/// Invoicing.Client. Needs a Docker engine and the service's image (<see cref="ServiceImageVariable"/>, else the module's
/// default); without either these tests skip with one line, and with CI=true they fail. Traffic goes to the loopback port
/// the service is published on, and from the service over the test's own network to a receiver on that network's
/// gateway; everything the tests start is removed when they end, also when they fail.
/// </summary>
public sealed class ServiceImageTests
{
    public const string ServiceImageVariable = "INVOICING_TESTS_SERVICE_IMAGE";

    public const string PostgresImageVariable = "INVOICING_TESTS_POSTGRES_IMAGE";

    /// <summary>Each test's own label value on what it starts, to prove nothing of it is left.</summary>
    private const string CaseLabel = "org.invoicing.tests.case";

    private static readonly Lazy<Task<string?>> Unavailable = new(WhyUnavailableAsync);

    private readonly string _case = Guid.NewGuid().ToString("N");

    private static string ServiceImage => Environment.GetEnvironmentVariable(ServiceImageVariable) is { Length: > 0 } image ? image : InvoicingBuilder.DefaultImage;

    private static string PostgresImage => Environment.GetEnvironmentVariable(PostgresImageVariable) is { Length: > 0 } image ? image : InvoicingBuilder.DefaultPostgreSqlImage;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_teams_suite_starts_the_image_and_drives_the_client_through_create_batch_list_pay_and_a_webhook()
    {
        await SkipUnlessAvailableAsync();
        using var docker = Docker();
        var invoicing = Builder().Build();
        await using (invoicing)
        {
            var clock = Stopwatch.StartNew();
            await invoicing.StartAsync(Cancellation);
            TestContext.Current.SendDiagnosticMessage($"Invoicing.Testcontainers started PostgreSQL and {ServiceImage} in {clock.Elapsed.TotalSeconds:F1} s");

            // Start returned on the image's own HEALTHCHECK: already healthy (the HTTP endpoint answers seconds before the
            // first check of the 5 s interval passes, so a wait on HTTP alone would return while Docker still says starting).
            var service = await docker.Containers.InspectContainerAsync(invoicing.Service.Id, Cancellation);
            var image = await docker.Images.InspectImageAsync(ServiceImage, Cancellation);
            var health = service.State!.Health.ShouldNotBeNull();
            health.Status.ShouldBe("healthy");
            health.Log.ShouldContain(check => check.ExitCode == 0);
            var imageCheck = image.Config!.Healthcheck.ShouldNotBeNull().Test;
            imageCheck.ShouldBe(["CMD", "./Invoicing.Web", "healthcheck"]);
            service.Config!.Healthcheck.ShouldNotBeNull().Test.ShouldBe(imageCheck);

            // Reached on a loopback port only; the receiver listens on the gateway of the test's own network.
            IPAddress.IsLoopback(IPAddress.Parse(invoicing.BaseAddress.Host)).ShouldBeTrue(invoicing.BaseAddress.ToString());
            service.NetworkSettings!.Ports["8080/tcp"].ShouldNotBeEmpty();
            service.NetworkSettings.Ports["8080/tcp"].ShouldAllBe(binding => binding.HostIP == "127.0.0.1");
            service.NetworkSettings.Networks.Keys.ShouldBe([invoicing.Network.Name]);
            var receiverAddress = invoicing.HostAddress.ShouldNotBeNull();
            receiverAddress.ToString().ShouldBe((await docker.Networks.InspectNetworkAsync(invoicing.Network.Name, Cancellation)).IPAM.Config[0].Gateway);
            await using var receiver = await WebhookReceiver.StartAsync(receiverAddress);

            // Create, with the bootstrap test key; the live key sees none of it.
            var client = invoicing.TestClient;
            invoicing.TestKey.ShouldStartWith("sk_test_");
            var acme = await client.Counterparties.CreateAsync(new() { Name = "Acme Tires", Email = "billing@acme.test" }, cancellationToken: Cancellation);
            var globex = await client.Counterparties.CreateAsync(new() { Name = "Globex" }, cancellationToken: Cancellation);
            var invoice = await client.Invoices.CreateAsync(ClientFactory.Invoice(acme.Id, globex.Id), cancellationToken: Cancellation);
            (invoice.Environment, invoice.Status, invoice.AmountDueCents).ShouldBe((InvoicingEnvironment.Test, InvoiceStatus.Open, 19500L));
            invoicing.LiveKey.ShouldStartWith("sk_live_");
            (await invoicing.LiveClient.Counterparties.ListAsync(cancellationToken: Cancellation)).Data.ShouldBeEmpty();

            // The seed batch: refused as a whole, its exact items on the client's exception.
            var seed = await Should.ThrowAsync<InvoicingException>(() => SeedExampleClient(invoicing, acme.Id, globex.Id).Invoices.CreateBatchAsync(
                [ClientFactory.Invoice(acme.Id, globex.Id), ClientFactory.Invoice(acme.Id, globex.Id), ClientFactory.Invoice(acme.Id, globex.Id)],
                cancellationToken: Cancellation));
            (seed.StatusCode, seed.Code).ShouldBe((HttpStatusCode.BadRequest, InvoicingErrorCodes.InvalidRequest));
            var items = JsonSerializer.Serialize(seed.Items);
            JsonNode.DeepEquals(JsonNode.Parse(items), JsonNode.Parse(SeedExample.Items)).ShouldBeTrue(items);

            // List: the one invoice, none of the seed's.
            var listed = await client.Invoices.ListAsync(new() { OriginatingCounterpartyId = acme.Id }, Cancellation);
            listed.Data.Select(i => i.Id).ShouldBe([invoice.Id]);
            listed.Data.ShouldNotContain(i => SeedExample.InvoiceNumbers.Contains(i.InvoiceNumber));

            // Pay, and the signed invoice.paid delivered over the network to the receiver.
            var endpoint = await client.WebhookEndpoints.CreateAsync(new() { Url = receiver.Url, EnabledEvents = [InvoicingEventTypes.InvoicePaid] }, cancellationToken: Cancellation);
            var paid = await client.Invoices.PayAsync(invoice.Id, cancellationToken: Cancellation);
            paid.Status.ShouldBe(InvoiceStatus.Paid);
            var delivery = await FirstDeliveryAsync(receiver);
            var evt = InvoicingWebhook.ConstructEvent(delivery.Body, delivery.Signature, endpoint.Secret!);
            evt.Type.ShouldBe(InvoicingEventTypes.InvoicePaid);
            evt.Data.AsInvoice().ShouldBe(paid);
            InvoicingWebhook.VerifySignature(delivery.Body, delivery.Signature, "whsec_" + new string('x', 32)).ShouldBeFalse();
        }

        (await LeftoversAsync(docker)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_start_that_fails_part_way_removes_both_containers_and_the_network_and_quotes_the_services_reason()
    {
        await SkipUnlessAvailableAsync();
        using var docker = Docker();
        var invoicing = Builder().WithTestKey("sk_test_tooshort").Build(); // the service refuses it as it starts, exit code 1

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => invoicing.StartAsync(Cancellation));

        failure.Message.ShouldContain("Invalid configuration: Invoicing:BootstrapKeys:0:Key is not a valid API key");
        failure.Message.ShouldNotContain("sk_test_tooshort");
        (await LeftoversAsync(docker)).ShouldBeEmpty();
        await invoicing.DisposeAsync(); // again: nothing to do
    }

    private static DockerClient Docker() => TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder().Build();

    /// <summary>What these tests start carries the run's labels (a sweep after a killed run finds it) and the test's own.</summary>
    private InvoicingBuilder Builder() => new InvoicingBuilder(ServiceImage)
        .WithPostgreSqlImage(PostgresImage)
        .WithLabel(Fixtures.Containers.Label, "service")
        .WithLabel(Fixtures.Containers.OwnerLabel, Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        .WithLabel(CaseLabel, _case);

    /// <summary>
    /// A client whose batch call puts the seed example's exact bytes on the wire: it misspells field names, which the
    /// typed client cannot send. The answer comes back through the client as every answer does.
    /// </summary>
    private static InvoicingClient SeedExampleClient(InvoicingContainer invoicing, Guid a, Guid b) =>
        new(new HttpClient(new SeedExampleBody(SeedExample.Batch(a, b))), new() { ApiKey = invoicing.TestKey, BaseAddress = invoicing.BaseAddress, MaxAttempts = 1 });

    private static async Task<WebhookReceiver.Received> FirstDeliveryAsync(WebhookReceiver receiver)
    {
        var deadline = Stopwatch.StartNew();
        while (receiver.Requests.IsEmpty && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, Cancellation);
        }

        return receiver.Requests.TryPeek(out var delivery) ? delivery : throw new ShouldAssertException("No webhook delivery reached the receiver within 30 s.");
    }

    /// <summary>The containers and networks with this test's label that still exist.</summary>
    private async Task<string[]> LeftoversAsync(DockerClient docker)
    {
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{CaseLabel}={_case}"] = true } };
        var containers = await docker.Containers.ListContainersAsync(new() { All = true, Filters = filter }, Cancellation);
        var networks = await docker.Networks.ListNetworksAsync(new() { Filters = filter }, Cancellation);
        return [.. containers.Select(c => $"container {c.ID} ({c.Image})"), .. networks.Select(n => $"network {n.Name}")];
    }

    private static async Task SkipUnlessAvailableAsync()
    {
        if (await Unavailable.Value is { } why)
        {
            var line = $"Service image tests skipped: {why}. With CI=true they must run.";
            if (TestRun.IsCi)
            {
                throw new InvalidOperationException("CI=true: " + line);
            }

            Assert.Skip(line);
        }
    }

    /// <summary>Null when an engine answers and has the service's image; otherwise why not.</summary>
    private static async Task<string?> WhyUnavailableAsync()
    {
        if (await DockerEngine.UnavailableReasonAsync() is { } noEngine)
        {
            return noEngine;
        }

        using var docker = Docker();
        try
        {
            await docker.Images.InspectImageAsync(ServiceImage);
            return null;
        }
        catch (DockerImageNotFoundException)
        {
            return $"the engine has no image {ServiceImage} (build it: docker build -f src/Web/Dockerfile -t {ServiceImage} ., or name another in {ServiceImageVariable})";
        }
    }

    private sealed class SeedExampleBody(string json) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
