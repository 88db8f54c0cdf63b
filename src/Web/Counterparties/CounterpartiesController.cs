using System.Text.Json;
using Invoicing.Application.Counterparties;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Application.Counterparties.GetCounterparty;
using Invoicing.Web.Errors;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Counterparties;

[ApiController]
[Route("v1/counterparties")]
public sealed class CounterpartiesController(IMediator mediator) : ControllerBase
{
    [HttpPost(Name = "CreateCounterparty")]
    [Consumes("application/json")]
    [EndpointSummary("Create a counterparty")]
    [EndpointDescription("Creates a counterparty in the key's environment. Answers 201 with it and its URL in `Location`.")]
    [RequestBodySchema(typeof(CreateCounterpartyBody))]
    [ProducesResponseType<CounterpartyResponse>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new counterparty's URL: `/v1/counterparties/{id}`.")]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        body = BodyReader.RequireObject(body);
        var counterparty = await mediator.Send(
            new CreateCounterpartyCommand(BodyReader.String(body, "name"), BodyReader.String(body, "email")),
            cancellationToken);
        return Created($"/v1/counterparties/{counterparty.Id}", counterparty);
    }

    [HttpGet("{id}", Name = "GetCounterparty")]
    [EndpointSummary("Retrieve a counterparty")]
    [ErrorResponse(StatusCodes.Status404NotFound, ApiErrors.CounterpartyNotFound)]
    public Task<CounterpartyResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetCounterpartyQuery(id), cancellationToken);
}
