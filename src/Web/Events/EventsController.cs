using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Events;
using Invoicing.Application.Events.GetEvent;
using Invoicing.Application.Events.ListEvents;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Events;

[ApiController]
[ApiTag(3, "Every change writes an event in the same transaction: list them, or fetch one by id. Webhook deliveries carry the same event objects.")]
[Route("v1/events")]
public sealed class EventsController(IMediator mediator) : ControllerBase
{
    [HttpGet("{id}", Name = "GetEvent")]
    [EndpointSummary("Retrieve an event")]
    [EndpointDescription("The event with this id in the key's environment; its `data.object` is the resource right after the change. An id from the other environment, or one that is not a UUID, answers 404 like an unknown one.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.EventNotFound)]
    public Task<EventResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetEventQuery(id), cancellationToken);

    [HttpGet(Name = "ListEvents")]
    [EndpointSummary("List events")]
    [EndpointDescription("The key's environment's events, newest first, one page at a time. Each event's `data.object` is the resource after the change, as the API renders it.")]
    [QueryParameter("limit", ListParameters.Limit, IsInteger = true, Minimum = 1, Maximum = 100, Default = 10)]
    [QueryParameter("starting_after", ListParameters.StartingAfter, Format = "uuid")]
    [QueryParameter("ending_before", ListParameters.EndingBefore, Format = "uuid")]
    [QueryParameter("type", "Only events of this type.", ValuesOf = typeof(EventTypes), ValuesMember = nameof(EventTypes.All))]
    [QueryParameter("created[gte]", ListParameters.CreatedGte, Format = "date-time")]
    [QueryParameter("created[lte]", ListParameters.CreatedLte, Format = "date-time")]
    [ErrorResponse(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest)]
    public Task<ListResponse<EventResponse>> List(CancellationToken cancellationToken) =>
        mediator.Send(
            new ListEventsQuery(
                QueryReader.Integer(Request.Query, "limit"),
                QueryReader.Uuid(Request.Query, "starting_after"),
                QueryReader.Uuid(Request.Query, "ending_before"),
                QueryReader.String(Request.Query, "type"),
                QueryReader.Timestamp(Request.Query, "created[gte]"),
                QueryReader.Timestamp(Request.Query, "created[lte]")),
            cancellationToken);
}
