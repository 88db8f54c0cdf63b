using System.Text.Json;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Application.Invoices.GetInvoice;
using Invoicing.Application.Invoices.ListInvoices;
using Invoicing.Application.Invoices.PayInvoice;
using Invoicing.Application.Invoices.VoidInvoice;
using Invoicing.Web.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Invoices;

[ApiController]
[Route("v1/invoices")]
public sealed class InvoicesController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    [Consumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(new CreateInvoiceCommand(ReadDraft(BodyReader.RequireObject(body))), cancellationToken);
        return Created($"/v1/invoices/{invoice.Id}", invoice);
    }

    [HttpPost("batch")]
    [Consumes("application/json")]
    public async Task<IActionResult> CreateBatch([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw InvalidRequestException.ForBody($"Expected a list of items but got type \"{BodyReader.TypeName(body)}\".");
        }

        var items = body.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.Object
                ? Input<InvoiceDraft>.Of(ReadDraft(item))
                : Input<InvoiceDraft>.Invalid(BodyReader.NotAnObjectMessage(item)))
            .ToList();
        var invoices = await mediator.Send(new CreateInvoiceBatchCommand(items), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, invoices);
    }

    [HttpGet("{id}")]
    public Task<InvoiceResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetInvoiceQuery(id), cancellationToken);

    [HttpGet]
    public Task<ListResponse<InvoiceResponse>> List(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        return mediator.Send(
            new ListInvoicesQuery(
                QueryReader.Integer(query, "limit"),
                QueryReader.Uuid(query, "starting_after"),
                QueryReader.Uuid(query, "ending_before"),
                QueryReader.String(query, "status"),
                QueryReader.Uuid(query, "originating_counterparty_id"),
                QueryReader.Uuid(query, "receiving_counterparty_id"),
                QueryReader.Date(query, "invoice_date[gte]"),
                QueryReader.Date(query, "invoice_date[lte]")),
            cancellationToken);
    }

    [HttpPost("{id}/pay")]
    public Task<InvoiceResponse> Pay(string id, CancellationToken cancellationToken) =>
        mediator.Send(new PayInvoiceCommand(id), cancellationToken);

    [HttpPost("{id}/void")]
    public Task<InvoiceResponse> Void(string id, CancellationToken cancellationToken) =>
        mediator.Send(new VoidInvoiceCommand(id), cancellationToken);

    private static InvoiceDraft ReadDraft(JsonElement body) => new(
        BodyReader.Integer(body, "amount_cents"),
        BodyReader.Integer(body, "discount_amount_cents"),
        BodyReader.String(body, "currency"),
        BodyReader.Date(body, "invoice_date"),
        BodyReader.Date(body, "invoice_due_date"),
        BodyReader.String(body, "invoice_number"),
        BodyReader.String(body, "note"),
        BodyReader.Uuid(body, "originating_counterparty_id"),
        BodyReader.Uuid(body, "receiving_counterparty_id"));
}
