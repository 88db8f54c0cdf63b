using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Webhooks;
using Invoicing.Application.Webhooks.CreateWebhookEndpoint;
using Invoicing.Application.Webhooks.DeleteWebhookEndpoint;
using Invoicing.Application.Webhooks.GetWebhookEndpoint;
using Invoicing.Application.Webhooks.ListWebhookEndpoints;
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
}
