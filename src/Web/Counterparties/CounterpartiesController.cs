using System.Text.Json;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Counterparties;
using Invoicing.Application.Counterparties.CreateCounterparty;
using Invoicing.Application.Counterparties.GetCounterparty;
using Invoicing.Application.Counterparties.ListCounterparties;
using Invoicing.Web.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Counterparties;

[ApiController]
[Route("v1/counterparties")]
public sealed class CounterpartiesController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        body = BodyReader.RequireObject(body);
        var counterparty = await mediator.Send(
            new CreateCounterpartyCommand(BodyReader.String(body, "name"), BodyReader.String(body, "email")),
            cancellationToken);
        return Created($"/v1/counterparties/{counterparty.Id}", counterparty);
    }

    [HttpGet("{id}")]
    public Task<CounterpartyResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetCounterpartyQuery(id), cancellationToken);

    [HttpGet]
    public Task<ListResponse<CounterpartyResponse>> List(CancellationToken cancellationToken) =>
        mediator.Send(
            new ListCounterpartiesQuery(
                QueryReader.Integer(Request.Query, "limit"),
                QueryReader.Uuid(Request.Query, "starting_after"),
                QueryReader.Uuid(Request.Query, "ending_before")),
            cancellationToken);
}
