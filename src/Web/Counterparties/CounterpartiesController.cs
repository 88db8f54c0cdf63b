using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Counterparties;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Application.Counterparties.GetCounterparty;
using Invoicing.Application.Counterparties.ListCounterparties;
using Invoicing.Application.Counterparties.UpdateCounterparty;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Counterparties;

[ApiController]
[ApiTag(1, "The parties an invoice is between. Create both counterparties first; an invoice names them by id.")]
[Route("v1/counterparties")]
public sealed class CounterpartiesController(IMediator mediator) : ControllerBase
{
    [HttpPost(Name = "CreateCounterparty")]
    [Consumes("application/json")]
    [EndpointSummary("Create a counterparty")]
    [EndpointDescription("Creates a counterparty in the key's environment. Answers 201 with it and its URL in `Location`.")]
    [ProducesResponseType<CounterpartyResponse>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new counterparty's URL: `/v1/counterparties/{id}`.")]
    public async Task<IActionResult> Create([FromBody] CreateCounterpartyCommand command, CancellationToken cancellationToken)
    {
        var counterparty = await mediator.Send(command, cancellationToken);
        return Created($"/v1/counterparties/{counterparty.Id}", counterparty);
    }

    [HttpGet("{id}", Name = "GetCounterparty")]
    [EndpointSummary("Retrieve a counterparty")]
    [EndpointDescription("The counterparty with this id in the key's environment. An id from the other environment, or one that is not a UUID, answers 404 like an unknown one.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.CounterpartyNotFound)]
    public Task<CounterpartyResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetCounterpartyQuery(id), cancellationToken);

    [HttpPatch("{id}", Name = "UpdateCounterparty")]
    [Consumes("application/json")]
    [EndpointSummary("Update a counterparty")]
    [EndpointDescription("Changes `name`, `email` and `metadata` (§10): a member present is set, `null` clears `email`, an absent member is left alone; `metadata` is merged, a key set to `\"\"` or `null` is removed. Answers 200 with the whole counterparty. A change writes `counterparty.updated` with `previous_attributes`; an update that changes nothing writes no event.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.CounterpartyNotFound)]
    public Task<CounterpartyResponse> Update(string id, [FromBody] UpdateCounterpartyCommand command, CancellationToken cancellationToken) =>
        mediator.Send(command with { Id = id }, cancellationToken);

    [HttpGet(Name = "ListCounterparties")]
    [EndpointSummary("List counterparties")]
    [EndpointDescription("The key's environment's counterparties, newest first, one page at a time. The created range combines with either cursor. A bad parameter is a field error named as the parameter.")]
    [QueryParameter("limit", ListParameters.Limit, IsInteger = true, Minimum = 1, Maximum = 100, Default = 10)]
    [QueryParameter("starting_after", ListParameters.StartingAfter, Format = "uuid")]
    [QueryParameter("ending_before", ListParameters.EndingBefore, Format = "uuid")]
    [QueryParameter("created[gte]", ListParameters.CreatedGte, Format = "date-time")]
    [QueryParameter("created[lte]", ListParameters.CreatedLte, Format = "date-time")]
    [ErrorResponse(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest)]
    public Task<ListResponse<CounterpartyResponse>> List(CancellationToken cancellationToken) =>
        mediator.Send(
            new ListCounterpartiesQuery(
                QueryReader.Integer(Request.Query, "limit"),
                QueryReader.Uuid(Request.Query, "starting_after"),
                QueryReader.Uuid(Request.Query, "ending_before"),
                QueryReader.Timestamp(Request.Query, "created[gte]"),
                QueryReader.Timestamp(Request.Query, "created[lte]")),
            cancellationToken);
}
