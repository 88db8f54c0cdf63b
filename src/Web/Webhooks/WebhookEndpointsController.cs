using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Webhooks;
using Invoicing.Application.Webhooks.CreateWebhookEndpoint;
using Invoicing.Application.Webhooks.DeleteWebhookEndpoint;
using Invoicing.Application.Webhooks.GetWebhookEndpoint;
using Invoicing.Application.Webhooks.ListWebhookDeliveryAttempts;
using Invoicing.Application.Webhooks.ListWebhookEndpoints;
using Invoicing.Application.Webhooks.ResendWebhookEvent;
using Invoicing.Application.Webhooks.RollWebhookEndpointSecret;
using Invoicing.Application.Webhooks.UpdateWebhookEndpoint;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Webhooks;

[ApiController]
[ApiTag(4, "URLs that receive the environment's events as signed `POST`s (`Invoicing-Signature`), at least once each.")]
[Route("v1/webhook_endpoints")]
public sealed class WebhookEndpointsController(IMediator mediator) : ControllerBase
{
    [HttpPost(Name = "CreateWebhookEndpoint")]
    [Consumes("application/json")]
    [EndpointSummary("Create a webhook endpoint")]
    [EndpointDescription("Registers a URL that receives the key's environment's events of the enabled types, signed with `Invoicing-Signature`. Answers 201 with the endpoint and its signing `secret` (`whsec_…`), which is never shown again.")]
    [ProducesResponseType<WebhookEndpointResponse>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new endpoint's URL: `/v1/webhook_endpoints/{id}`.")]
    public async Task<IActionResult> Create([FromBody] CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await mediator.Send(command, cancellationToken);
        return Created($"/v1/webhook_endpoints/{endpoint.Id}", endpoint);
    }

    [HttpGet("{id}", Name = "GetWebhookEndpoint")]
    [EndpointSummary("Retrieve a webhook endpoint")]
    [EndpointDescription("The webhook endpoint with this id in the key's environment, without its secret. An id from the other environment, or one that is not a UUID, answers 404 like an unknown one.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound)]
    public Task<WebhookEndpointResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetWebhookEndpointQuery(id), cancellationToken);

    [HttpGet(Name = "ListWebhookEndpoints")]
    [EndpointSummary("List webhook endpoints")]
    [EndpointDescription("The key's environment's webhook endpoints, newest first, one page at a time. Secrets are never listed.")]
    [QueryParameter("limit", ListParameters.Limit, IsInteger = true, Minimum = 1, Maximum = 100, Default = 10)]
    [QueryParameter("starting_after", ListParameters.StartingAfter, Format = "uuid")]
    [QueryParameter("ending_before", ListParameters.EndingBefore, Format = "uuid")]
    [ErrorResponse(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest)]
    public Task<ListResponse<WebhookEndpointResponse>> List(CancellationToken cancellationToken) =>
        mediator.Send(
            new ListWebhookEndpointsQuery(
                QueryReader.Integer(Request.Query, "limit"),
                QueryReader.Uuid(Request.Query, "starting_after"),
                QueryReader.Uuid(Request.Query, "ending_before")),
            cancellationToken);

    [HttpDelete("{id}", Name = "DeleteWebhookEndpoint")]
    [EndpointSummary("Delete a webhook endpoint")]
    [EndpointDescription("Deletes the endpoint; deliveries still owed to it are dropped. Events stay. Answers `{\"id\", \"object\": \"webhook_endpoint\", \"deleted\": true}`.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound)]
    public Task<DeletedWebhookEndpointResponse> Delete(string id, CancellationToken cancellationToken) =>
        mediator.Send(new DeleteWebhookEndpointCommand(id), cancellationToken);

    [HttpPatch("{id}", Name = "UpdateWebhookEndpoint")]
    [Consumes("application/json")]
    [EndpointSummary("Update a webhook endpoint")]
    [EndpointDescription("Sets the members sent (`url`, `enabled_events`, `disabled`) with the rules of create and leaves the others alone; answers 200 with the whole endpoint (no `secret`). `\"disabled\": true` stops deliveries: none are made for it and those still owed to it are canceled; `false` enables it again for events from then on.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound)]
    public Task<WebhookEndpointResponse> Update(string id, [FromBody] UpdateWebhookEndpointCommand command, CancellationToken cancellationToken) =>
        mediator.Send(command with { Id = id }, cancellationToken);

    [HttpPost("{id}/roll_secret", Name = "RollWebhookEndpointSecret")]
    [EndpointSummary("Roll a webhook endpoint's secret")]
    [EndpointDescription("Replaces the signing secret. Takes no body. Answers 200 with the endpoint and its new `secret` (`whsec_…`), which is never shown again. Every delivery sent from then on is signed with the new secret only; there is no overlap with the old one.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound)]
    public Task<WebhookEndpointResponse> RollSecret(string id, CancellationToken cancellationToken) =>
        mediator.Send(new RollWebhookEndpointSecretCommand(id), cancellationToken);

    [HttpGet("{id}/delivery_attempts", Name = "ListWebhookDeliveryAttempts")]
    [EndpointSummary("List a webhook endpoint's delivery attempts")]
    [EndpointDescription("Every `POST` of an event to this endpoint (first tries, retries and re-sends), newest first, one page at a time: its outcome, the receiver's status, the duration and the next retry.")]
    [QueryParameter("limit", "How many items the page holds.", IsInteger = true, Minimum = 1, Maximum = 100, Default = 10)]
    [QueryParameter("starting_after", "An id from the previous page: this page holds the items after it (older).", Format = "uuid")]
    [QueryParameter("ending_before", "An id from the previous page: this page holds the items before it (newer). Not together with `starting_after`.", Format = "uuid")]
    [QueryParameter("event", "Only the attempts that sent this event.", Format = "uuid")]
    [ErrorResponse(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest)]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound)]
    public Task<ListResponse<WebhookDeliveryAttemptResponse>> ListDeliveryAttempts(string id, CancellationToken cancellationToken) =>
        mediator.Send(
            new ListWebhookDeliveryAttemptsQuery(
                id,
                QueryReader.Integer(Request.Query, "limit"),
                QueryReader.Uuid(Request.Query, "starting_after"),
                QueryReader.Uuid(Request.Query, "ending_before"),
                QueryReader.Uuid(Request.Query, "event")),
            cancellationToken);

    [HttpPost("{id}/events/{event_id}/resend", Name = "ResendWebhookEvent")]
    [EndpointSummary("Re-send an event to a webhook endpoint")]
    [EndpointDescription("Schedules one more delivery of the event to this endpoint, due at once and retried like any other, also for an event older than the endpoint. Takes no body. Answers 202 with the delivery; its attempts appear under `delivery_attempts`.")]
    [ProducesResponseType<WebhookDeliveryResponse>(StatusCodes.Status202Accepted)]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.WebhookEndpointNotFound, ErrorCodes.EventNotFound)]
    [ErrorResponse(StatusCodes.Status409Conflict, ErrorCodes.WebhookEndpointDisabled, ErrorCodes.EventTypeNotEnabled)]
    public async Task<IActionResult> Resend(string id, [FromRoute(Name = "event_id")] string eventId, CancellationToken cancellationToken) =>
        Accepted(await mediator.Send(new ResendWebhookEventCommand(id, eventId), cancellationToken));
}
