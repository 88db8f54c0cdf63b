using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Client;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Client;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WebhookDelivery = Invoicing.Domain.Webhooks.WebhookDelivery;
using WebhookDeliveryStatus = Invoicing.Domain.Webhooks.WebhookDeliveryStatus;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// Webhook deliveries made visible and controllable (docs/decisions/0036): the attempts list, the failure logs, the
/// User-Agent, updating and disabling an endpoint, rolling its secret and re-sending an event. A real receiver on
/// loopback, the worker driven pass by pass on a clock that moves only when the test says so.
/// </summary>
public abstract class WebhookControlTests(WebhookApi api) : ApiTests(api)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private ManualClock Clock => api.Clock;

    [Fact]
    public async Task Attempts_of_a_failing_then_succeeding_receiver_are_listed_newest_first_and_the_failure_is_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 500 : 200;
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            await client.CreateCounterpartyAsync("Attempted");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            await AdvanceToNextAttemptAsync(endpointId);
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);

            var page = await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts");
            page.GetProperty("object").GetString().ShouldBe("list");
            page.GetProperty("has_more").GetBoolean().ShouldBeFalse();
            var attempts = page.GetProperty("data").EnumerateArray().ToList();
            attempts.Count.ShouldBe(2);
            var (succeeded, failed) = (attempts[0], attempts[1]);
            succeeded.EnumerateObject().Select(p => p.Name).ShouldBe(
                ["object", "id", "webhook_endpoint_id", "event_id", "webhook_delivery_id", "outcome", "response_status", "duration_ms", "next_retry_at", "created_at"]);
            succeeded.GetProperty("object").GetString().ShouldBe("webhook_delivery_attempt");
            succeeded.GetProperty("outcome").GetString().ShouldBe("succeeded");
            succeeded.GetProperty("response_status").GetInt32().ShouldBe(200);
            succeeded.GetProperty("next_retry_at").ValueKind.ShouldBe(JsonValueKind.Null);
            failed.GetProperty("outcome").GetString().ShouldBe("http_error");
            failed.GetProperty("response_status").GetInt32().ShouldBe(500);
            failed.GetProperty("duration_ms").GetInt32().ShouldBeGreaterThanOrEqualTo(0);

            // The failed attempt says when the retry was due, and the retry happened then.
            failed.GetProperty("next_retry_at").GetString().ShouldBe(succeeded.GetProperty("created_at").GetString());
            string.CompareOrdinal(failed.GetProperty("created_at").GetString(), succeeded.GetProperty("created_at").GetString()).ShouldBeLessThan(0);

            // Both are one delivery of one event: the event the receiver got.
            var eventId = receiver.Requests.First().Json.GetProperty("id").GetString();
            attempts.ShouldAllBe(a => a.GetProperty("event_id").GetString() == eventId);
            attempts.ShouldAllBe(a => a.GetProperty("webhook_endpoint_id").GetString() == endpointId.ToString());
            attempts.Select(a => a.GetProperty("webhook_delivery_id").GetString()).Distinct().ShouldHaveSingleItem();

            // Paging and the event filter, as every list.
            var first = await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?limit=1");
            first.GetProperty("has_more").GetBoolean().ShouldBeTrue();
            var firstId = first.GetProperty("data")[0].GetProperty("id").GetString();
            firstId.ShouldBe(succeeded.GetProperty("id").GetString());
            var second = await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?limit=1&starting_after={firstId}");
            second.GetProperty("data")[0].GetProperty("id").GetString().ShouldBe(failed.GetProperty("id").GetString());
            second.GetProperty("has_more").GetBoolean().ShouldBeFalse();
            var back = await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?ending_before={failed.GetProperty("id").GetString()}");
            back.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe([firstId]);
            (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?event={eventId}")).GetProperty("data").GetArrayLength().ShouldBe(2);
            (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?event={Guid.CreateVersion7()}")).GetProperty("data").GetArrayLength().ShouldBe(0);
            var bad = await (await client.GetAsync($"/v1/webhook_endpoints/{endpointId}/delivery_attempts?event=nope&limit=0&starting_after={Guid.CreateVersion7()}", Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request");
            bad.FieldErrors().Select(e => e.Split(' ')[0]).ShouldBe(["limit", "starting_after", "event"], ignoreOrder: true);

            // One Warning for the failed attempt, with the ids, the outcome and the status; never the secret or the payload.
            var warnings = Factory.Logs.Records.Where(r => r.Level == LogLevel.Warning && Equals(r.Properties.GetValueOrDefault("WebhookEndpointId")?.ToString(), endpointId.ToString())).ToList();
            var warning = warnings.ShouldHaveSingleItem();
            warning.Properties["EventId"]!.ToString().ShouldBe(eventId);
            warning.Properties["Outcome"].ShouldBe("http_error");
            warning.Properties["ResponseStatus"].ShouldBe(500);
            warning.Message.ShouldContain(endpointId.ToString());
            warning.Message.ShouldContain(eventId!);
            warning.Message.ShouldNotContain(secret);
            warning.Message.ShouldNotContain("Attempted");
            warning.Message.ShouldNotContain("receiver says no");

            // Every delivery names its sender.
            receiver.Requests.ShouldAllBe(r => r.UserAgent == WebhookDispatcher.UserAgent);
            WebhookDispatcher.UserAgent.ShouldBe("Invoicing-Webhooks/1.0");
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task Giving_up_is_logged_at_Error_with_the_endpoint_and_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 503;
        var client = await Factory.ClientAsync();
        var (endpointId, _) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            await client.CreateCounterpartyAsync("Given up");
            await Factory.DispatchEventsAsync();
            for (var pass = 0; pass < 40 && await StatusAsync(endpointId) == WebhookDeliveryStatus.Pending; pass++)
            {
                await AdvanceToNextAttemptAsync(endpointId);
                await Factory.RunWebhookPassAsync();
            }

            (await StatusAsync(endpointId)).ShouldBe(WebhookDeliveryStatus.Failed);
            var mine = Factory.Logs.Records.Where(r => Equals(r.Properties.GetValueOrDefault("WebhookEndpointId")?.ToString(), endpointId.ToString())).ToList();
            mine.Count(r => r.Level == LogLevel.Warning).ShouldBe(receiver.Requests.Count);
            var error = mine.Where(r => r.Level == LogLevel.Error).ShouldHaveSingleItem();
            error.Properties["EventId"]!.ToString().ShouldBe(receiver.Requests.First().Json.GetProperty("id").GetString());

            // The last attempt has no next retry.
            var last = (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?limit=1")).GetProperty("data")[0];
            last.GetProperty("next_retry_at").ValueKind.ShouldBe(JsonValueKind.Null);
            last.GetProperty("outcome").GetString().ShouldBe("http_error");
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_receiver_that_is_not_there_is_a_connection_error_without_a_status()
    {
        var client = await Factory.ClientAsync();
        string url;
        await using (var gone = await WebhookReceiver.StartAsync())
        {
            url = gone.Url;
        }

        var (endpointId, _) = await CreateEndpointAsync(client, url, "counterparty.created");
        try
        {
            await client.CreateCounterpartyAsync("Nobody home");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);

            var attempt = (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts")).GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
            attempt.GetProperty("outcome").GetString().ShouldBe("connection_error");
            attempt.GetProperty("response_status").ValueKind.ShouldBe(JsonValueKind.Null);
            attempt.GetProperty("next_retry_at").ValueKind.ShouldBe(JsonValueKind.String);
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task Another_environments_endpoint_is_not_found_by_any_of_the_new_operations()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var live = await Factory.ClientAsync(ApiEnvironment.Live);
        var test = await Factory.ClientAsync(ApiEnvironment.Test);
        var (liveEndpoint, _) = await CreateEndpointAsync(live, receiver.Url, "counterparty.created");
        var (testEndpoint, _) = await CreateEndpointAsync(test, receiver.Url, "counterparty.created");
        try
        {
            await live.CreateCounterpartyAsync("Live only");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            var liveAttempt = (await GetJsonAsync(live, $"/v1/webhook_endpoints/{liveEndpoint}/delivery_attempts")).GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
            var liveEvent = liveAttempt.GetProperty("event_id").GetString();
            var liveAttemptId = liveAttempt.GetProperty("id").GetString();

            await (await test.GetAsync($"/v1/webhook_endpoints/{liveEndpoint}/delivery_attempts", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await test.GetAsync($"/v1/webhook_endpoints/{liveEndpoint}/delivery_attempts?starting_after={liveAttemptId}", Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await test.SendAsync(Patch($"/v1/webhook_endpoints/{liveEndpoint}", new JsonObject { ["disabled"] = true }), Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await test.PostAsync($"/v1/webhook_endpoints/{liveEndpoint}/roll_secret", null, Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await test.PostAsync($"/v1/webhook_endpoints/{liveEndpoint}/events/{liveEvent}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");

            // The test endpoint cannot reach the live event, nor page with a live attempt.
            await (await test.PostAsync($"/v1/webhook_endpoints/{testEndpoint}/events/{liveEvent}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
            (await (await test.GetAsync($"/v1/webhook_endpoints/{testEndpoint}/delivery_attempts?starting_after={liveAttemptId}", Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors().ShouldBe([$"starting_after does_not_exist Invalid pk \"{liveAttemptId}\" - object does not exist."]);
            (await GetJsonAsync(test, $"/v1/webhook_endpoints/{testEndpoint}/delivery_attempts")).GetProperty("data").GetArrayLength().ShouldBe(0);

            // Nothing of the live endpoint changed.
            var read = await GetJsonAsync(live, $"/v1/webhook_endpoints/{liveEndpoint}");
            read.GetProperty("status").GetString().ShouldBe("enabled");
            await (await test.GetAsync($"/v1/webhook_endpoints/not-a-uuid/delivery_attempts", Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        }
        finally
        {
            await live.DeleteAsync($"/v1/webhook_endpoints/{liveEndpoint}", Cancellation);
            await test.DeleteAsync($"/v1/webhook_endpoints/{testEndpoint}", Cancellation);
        }
    }

    [Fact]
    public async Task Patch_sets_each_member_sent_and_leaves_the_others_alone()
    {
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, "https://hooks.example.com/one", "invoice.paid");
        try
        {
            var path = $"/v1/webhook_endpoints/{endpointId}";
            var url = await PatchOkAsync(client, path, new JsonObject { ["url"] = "https://hooks.example.com/two" });
            url.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "id", "environment", "url", "enabled_events", "status", "metadata", "created_at"]);
            url.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/two");
            url.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(["invoice.paid"]);
            url.GetProperty("status").GetString().ShouldBe("enabled");

            var events = await PatchOkAsync(client, path, new JsonObject { ["enabled_events"] = new JsonArray("invoice.created", "invoice.voided", "invoice.created") });
            events.GetProperty("enabled_events").EnumerateArray().Select(e => e.GetString()).ShouldBe(["invoice.created", "invoice.voided"]);
            events.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/two");

            // Metadata merges as on every resource (§10): null or "" removes a key, null for the whole object removes them all.
            static string Pairs(JsonElement endpoint) => string.Join(",", endpoint.GetProperty("metadata").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
            Pairs(await PatchOkAsync(client, path, new JsonObject { ["metadata"] = new JsonObject { ["b"] = "2", ["a"] = "1" } })).ShouldBe("a=1,b=2");
            Pairs(await PatchOkAsync(client, path, new JsonObject { ["metadata"] = new JsonObject { ["a"] = null, ["b"] = "", ["c"] = "3" } })).ShouldBe("c=3");
            Pairs(await GetJsonAsync(client, path)).ShouldBe("c=3");
            Pairs(await PatchOkAsync(client, path, new JsonObject { ["metadata"] = null })).ShouldBe(string.Empty);

            (await PatchOkAsync(client, path, new JsonObject { ["disabled"] = true })).GetProperty("status").GetString().ShouldBe("disabled");
            (await GetJsonAsync(client, path)).GetProperty("status").GetString().ShouldBe("disabled");
            var unchanged = await PatchOkAsync(client, path, new JsonObject { ["unknown"] = 1 });
            unchanged.GetProperty("status").GetString().ShouldBe("disabled");
            unchanged.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/two");
            (await PatchOkAsync(client, path, new JsonObject { ["disabled"] = false })).GetProperty("status").GetString().ShouldBe("enabled");
            unchanged.GetRawText().ShouldNotContain(secret);

            // The create rules, every failing member at once, and nothing changed.
            async Task<string[]> ErrorsAsync(JsonObject body) =>
                (await (await client.SendAsync(Patch(path, body), Cancellation)).ShouldBeEnvelopeAsync(HttpStatusCode.BadRequest, "invalid_request")).FieldErrors();

            (await ErrorsAsync(new JsonObject { ["url"] = "ftp://hooks.example.com/x", ["enabled_events"] = new JsonArray("invoice.deleted"), ["disabled"] = "yes" })).ShouldBe(
                ["url invalid Enter a valid URL.", "enabled_events invalid \"invoice.deleted\" is not a valid choice.", "disabled invalid Must be a valid boolean."]);
            (await ErrorsAsync(new JsonObject { ["url"] = null, ["enabled_events"] = null, ["disabled"] = null })).ShouldBe(
                ["url null This field may not be null.", "enabled_events null This field may not be null.", "disabled null This field may not be null."]);
            (await ErrorsAsync(new JsonObject { ["url"] = " ", ["enabled_events"] = new JsonArray(), ["disabled"] = 1 })).ShouldBe(
                ["url blank This field may not be blank.", "enabled_events invalid This list may not be empty.", "disabled invalid Must be a valid boolean."]);
            (await ErrorsAsync(new JsonObject { ["url"] = "https://hooks.example.com/" + new string('a', 2048) })).ShouldBe(
                ["url max_length Ensure this field has no more than 2048 characters."]);
            (await ErrorsAsync(new JsonObject { ["metadata"] = "x" })).ShouldBe(["metadata invalid Must be an object of strings."]);
            var tooMany = new JsonObject();
            for (var i = 0; i < 51; i++)
            {
                tooMany[$"k{i}"] = "v";
            }

            (await ErrorsAsync(new JsonObject { ["metadata"] = tooMany })).ShouldBe(["metadata invalid Ensure this field has no more than 50 keys."]);
            var after = await GetJsonAsync(client, path);
            after.GetProperty("url").GetString().ShouldBe("https://hooks.example.com/two");
            after.GetProperty("enabled_events").GetArrayLength().ShouldBe(2);
            after.GetProperty("status").GetString().ShouldBe("enabled");
            Pairs(after).ShouldBe(string.Empty);

            await (await client.SendAsync(Patch($"/v1/webhook_endpoints/{Guid.CreateVersion7()}", new JsonObject { ["disabled"] = true }), Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await client.SendAsync(Patch("/v1/webhook_endpoints/nope", new JsonObject { ["disabled"] = true }), Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_disabled_endpoint_gets_nothing_its_pending_deliveries_are_canceled_and_it_gets_new_events_once_enabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 500 : 200;
        var client = await Factory.ClientAsync();
        var (endpointId, _) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            await client.CreateCounterpartyAsync("Before disabling");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1); // fails: a retry is pending
            (await StatusAsync(endpointId)).ShouldBe(WebhookDeliveryStatus.Pending);

            await PatchOkAsync(client, $"/v1/webhook_endpoints/{endpointId}", new JsonObject { ["disabled"] = true });
            (await StatusAsync(endpointId)).ShouldBe(WebhookDeliveryStatus.Canceled);
            await client.CreateCounterpartyAsync("While disabled");
            await Factory.DispatchEventsAsync();
            (await DeliveryCountAsync(endpointId)).ShouldBe(1);
            Clock.Advance(TimeSpan.FromHours(1));
            while (await Factory.RunWebhookPassAsync() > 0)
            {
            }

            receiver.Requests.Count.ShouldBe(1);
            var eventId = Guid.Parse(receiver.Requests.First().Json.GetProperty("id").GetString()!);
            await (await client.PostAsync($"/v1/webhook_endpoints/{endpointId}/events/{eventId}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "webhook_endpoint_disabled");

            await PatchOkAsync(client, $"/v1/webhook_endpoints/{endpointId}", new JsonObject { ["disabled"] = false });
            await client.CreateCounterpartyAsync("After enabling");
            while (await Factory.RunWebhookPassAsync() > 0)
            {
            }

            receiver.Requests.Select(r => r.Json.GetProperty("data").GetProperty("object").GetProperty("name").GetString()).ShouldBe(["Before disabling", "After enabling"]);
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task After_rolling_the_secret_deliveries_verify_with_the_new_secret_and_not_the_old()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await Factory.ClientAsync();
        var (endpointId, oldSecret) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        try
        {
            var response = await client.PostAsync($"/v1/webhook_endpoints/{endpointId}/roll_secret", null, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var rolled = await response.JsonAsync();
            rolled.GetProperty("id").GetString().ShouldBe(endpointId.ToString());
            var newSecret = rolled.GetProperty("secret").GetString()!;
            newSecret.ShouldMatch("^whsec_[0-9A-Za-z]{32}$");
            newSecret.ShouldNotBe(oldSecret);
            (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}")).TryGetProperty("secret", out _).ShouldBeFalse();

            await client.CreateCounterpartyAsync("Signed anew");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);

            var request = receiver.Requests.ShouldHaveSingleItem();
            InvoicingWebhook.VerifySignature(request.Body, request.Signature, newSecret, Tolerance, Clock).ShouldBeTrue();
            InvoicingWebhook.VerifySignature(request.Body, request.Signature, oldSecret, Tolerance, Clock).ShouldBeFalse();
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
        }
    }

    [Fact]
    public async Task A_resent_event_is_delivered_again_and_listed_as_another_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = await Factory.ClientAsync();
        var (endpointId, secret) = await CreateEndpointAsync(client, receiver.Url, "counterparty.created");
        var (paidOnly, _) = await CreateEndpointAsync(client, "https://hooks.example.com/paid", "invoice.paid");
        try
        {
            await client.CreateCounterpartyAsync("Resent");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            var eventId = receiver.Requests.Single().Json.GetProperty("id").GetString();

            var response = await client.PostAsync($"/v1/webhook_endpoints/{endpointId}/events/{eventId}/resend", null, Cancellation);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var delivery = await response.JsonAsync();
            delivery.EnumerateObject().Select(p => p.Name).ShouldBe(["object", "id", "webhook_endpoint_id", "event_id", "status", "next_attempt_at", "created_at"]);
            delivery.GetProperty("object").GetString().ShouldBe("webhook_delivery");
            delivery.GetProperty("status").GetString().ShouldBe("pending");
            delivery.GetProperty("event_id").GetString().ShouldBe(eventId);
            delivery.GetProperty("webhook_endpoint_id").GetString().ShouldBe(endpointId.ToString());

            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            receiver.Requests.Count.ShouldBe(2);
            receiver.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
            receiver.Requests.ShouldAllBe(r => InvoicingWebhook.VerifySignature(r.Body, r.Signature, secret, Tolerance, Clock));
            var attempts = (await GetJsonAsync(client, $"/v1/webhook_endpoints/{endpointId}/delivery_attempts?event={eventId}")).GetProperty("data").EnumerateArray().ToList();
            attempts.Count.ShouldBe(2);
            attempts[0].GetProperty("webhook_delivery_id").GetString().ShouldBe(delivery.GetProperty("id").GetString());
            attempts.Select(a => a.GetProperty("webhook_delivery_id").GetString()).Distinct().Count().ShouldBe(2);
            attempts.ShouldAllBe(a => a.GetProperty("outcome").GetString() == "succeeded");

            await (await client.PostAsync($"/v1/webhook_endpoints/{endpointId}/events/{Guid.CreateVersion7()}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
            await (await client.PostAsync($"/v1/webhook_endpoints/{endpointId}/events/nope/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "event_not_found");
            await (await client.PostAsync($"/v1/webhook_endpoints/{Guid.CreateVersion7()}/events/{eventId}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.NotFound, "webhook_endpoint_not_found");
            await (await client.PostAsync($"/v1/webhook_endpoints/{paidOnly}/events/{eventId}/resend", null, Cancellation))
                .ShouldBeEnvelopeAsync(HttpStatusCode.Conflict, "event_type_not_enabled");
            (await DeliveryCountAsync(paidOnly)).ShouldBe(0);
        }
        finally
        {
            await client.DeleteAsync($"/v1/webhook_endpoints/{endpointId}", Cancellation);
            await client.DeleteAsync($"/v1/webhook_endpoints/{paidOnly}", Cancellation);
        }
    }

    [Fact]
    public async Task The_client_updates_rolls_lists_attempts_and_resends()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var http = await Factory.ClientAsync();
        var client = await Factory.InvoicingClientAsync();
        var endpoint = await client.WebhookEndpoints.CreateAsync(new() { Url = "https://hooks.example.com/client", EnabledEvents = [InvoicingEventTypes.CounterpartyCreated] });
        try
        {
            var updated = await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new() { Url = receiver.Url });
            updated.Url.ShouldBe(receiver.Url);
            updated.Status.ShouldBe(WebhookEndpointStatus.Enabled);
            (await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new() { Disabled = true })).Status.ShouldBe(WebhookEndpointStatus.Disabled);
            (await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new() { Disabled = false })).Url.ShouldBe(receiver.Url);
            (await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new() { Metadata = new Dictionary<string, string?> { ["team"] = "billing" } })).Metadata["team"].ShouldBe("billing");
            var cleared = await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new() { Metadata = null });
            cleared.Metadata.Count.ShouldBe(0);
            cleared.Url.ShouldBe(receiver.Url);
            var rolled = await client.WebhookEndpoints.RollSecretAsync(endpoint.Id);
            rolled.Secret.ShouldNotBeNull();
            rolled.Secret.ShouldNotBe(endpoint.Secret);

            await http.CreateCounterpartyAsync("Via the client");
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);
            var eventId = Guid.Parse(receiver.Requests.Single().Json.GetProperty("id").GetString()!);
            var delivery = await client.WebhookEndpoints.ResendEventAsync(endpoint.Id, eventId);
            delivery.Status.ShouldBe("pending");
            delivery.EventId.ShouldBe(eventId);
            (await Factory.RunWebhookPassAsync()).ShouldBe(1);

            var attempts = new List<Invoicing.Client.WebhookDeliveryAttempt>();
            await foreach (var attempt in client.WebhookEndpoints.ListAllDeliveryAttemptsAsync(endpoint.Id, new() { Limit = 1, Event = eventId }, Cancellation))
            {
                attempts.Add(attempt);
            }

            attempts.Count.ShouldBe(2);
            attempts.ShouldAllBe(a => a.Outcome == Invoicing.Client.WebhookAttemptOutcome.Succeeded && a.ResponseStatus == 200 && a.EventId == eventId && a.NextRetryAt == null);
            receiver.Requests.ShouldAllBe(r => InvoicingWebhook.VerifySignature(r.Body, r.Signature, rolled.Secret!, Tolerance, Clock));

            var refused = await Should.ThrowAsync<InvoicingException>(() => client.WebhookEndpoints.ResendEventAsync(endpoint.Id, Guid.CreateVersion7()));
            refused.Code.ShouldBe(InvoicingErrorCodes.EventNotFound);
        }
        finally
        {
            await client.WebhookEndpoints.DeleteAsync(endpoint.Id, Cancellation);
        }
    }

    private async Task<WebhookDeliveryStatus> StatusAsync(Guid endpointId) =>
        await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpointId).OrderBy(d => d.Id).Select(d => d.Status).FirstAsync(Cancellation));

    private Task<int> DeliveryCountAsync(Guid endpointId) =>
        Factory.DbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.WebhookEndpointId == endpointId, Cancellation));

    /// <summary>Moves the clock to when the endpoint's pending delivery is due.</summary>
    private async Task AdvanceToNextAttemptAsync(Guid endpointId)
    {
        var due = await Factory.DbAsync(db => db.Set<WebhookDelivery>().Where(d => d.WebhookEndpointId == endpointId && d.Status == WebhookDeliveryStatus.Pending)
            .Select(d => d.NextAttemptAt).SingleAsync(Cancellation));
        var wait = due - Clock.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero)
        {
            Clock.Advance(wait);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> PatchOkAsync(HttpClient client, string path, JsonObject body)
    {
        var response = await client.SendAsync(Patch(path, body), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static HttpRequestMessage Patch(string path, JsonObject body) => Http.Request(HttpMethod.Patch, path, body.ToJsonString());

    private static async Task<(Guid Id, string Secret)> CreateEndpointAsync(HttpClient client, string url, params string[] types)
    {
        var response = await client.PostJsonAsync(
            "/v1/webhook_endpoints",
            new JsonObject { ["url"] = url, ["enabled_events"] = new JsonArray(types.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()) });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.JsonAsync();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }
}

public sealed class WebhookControlTestsOnSqlite(SqliteWebhookApi api) : WebhookControlTests(api), IClassFixture<SqliteWebhookApi>;

public sealed class WebhookControlTestsOnPostgres(PostgresWebhookApi api) : WebhookControlTests(api), IClassFixture<PostgresWebhookApi>;

public sealed class WebhookControlTestsOnSqlServer(SqlServerWebhookApi api) : WebhookControlTests(api), IClassFixture<SqlServerWebhookApi>;
