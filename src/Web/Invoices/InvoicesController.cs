using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Invoices;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Application.Invoices.GetInvoice;
using Invoicing.Application.Invoices.ListInvoices;
using Invoicing.Application.Invoices.PayInvoice;
using Invoicing.Application.Invoices.UpdateInvoice;
using Invoicing.Application.Invoices.VoidInvoice;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Invoices;

[ApiController]
[ApiTag(2, "Invoices from one counterparty to another: create one or a batch, list and look them up, and move an `open` invoice to `paid` or `void`.")]
[Route("v1/invoices")]
public sealed class InvoicesController(IMediator mediator) : ControllerBase
{
    [HttpPost(Name = "CreateInvoice")]
    [Consumes("application/json")]
    [EndpointSummary("Create an invoice")]
    [EndpointDescription("Creates one invoice in the key's environment, `open`. Answers 201 with the invoice and its URL in `Location`.")]
    [ProducesResponseType<InvoiceResponse>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new invoice's URL: `/v1/invoices/{id}`.")]
    public async Task<IActionResult> Create([FromBody] CreateInvoiceCommand command, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(command, cancellationToken);
        return Created($"/v1/invoices/{invoice.Id}", invoice);
    }

    [HttpPost("batch", Name = "CreateInvoiceBatch")]
    [Consumes("application/json")]
    [EndpointSummary("Create invoices in a batch")]
    [EndpointDescription("Creates 1–1000 invoices, all or none. Answers 201 with the created invoices in request order. On failure, the 400 envelope adds `items`: one object per submitted invoice mapping each failing field to its messages, `{}` for a good one.")]
    [ProducesResponseType<IReadOnlyList<InvoiceResponse>>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateBatch([FromBody] CreateInvoiceBatchCommand command, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, await mediator.Send(command, cancellationToken));

    [HttpGet("{id}", Name = "GetInvoice")]
    [EndpointSummary("Retrieve an invoice")]
    [EndpointDescription("The invoice with this id in the key's environment. An id from the other environment, or one that is not a UUID, answers 404 like an unknown one.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.InvoiceNotFound)]
    public Task<InvoiceResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetInvoiceQuery(id), cancellationToken);

    [HttpGet(Name = "ListInvoices")]
    [EndpointSummary("List invoices")]
    [EndpointDescription("The key's environment's invoices, newest first, one page at a time. Filters combine with AND and with either cursor. A bad parameter is a field error named as the parameter.")]
    [QueryParameter("limit", ListParameters.Limit, IsInteger = true, Minimum = 1, Maximum = 100, Default = 10)]
    [QueryParameter("starting_after", ListParameters.StartingAfter, Format = "uuid")]
    [QueryParameter("ending_before", ListParameters.EndingBefore, Format = "uuid")]
    [QueryParameter("status", "Only invoices with this status.", Values = ["open", "paid", "void"])]
    [QueryParameter("originating_counterparty_id", "Only invoices from this counterparty.", Format = "uuid")]
    [QueryParameter("receiving_counterparty_id", "Only invoices to this counterparty.", Format = "uuid")]
    [QueryParameter("invoice_date[gte]", "Only invoices whose `invoice_date` is on or after this date.", Format = "date")]
    [QueryParameter("invoice_date[lte]", "Only invoices whose `invoice_date` is on or before this date.", Format = "date")]
    [QueryParameter("invoice_number", "Only invoices with exactly this `invoice_number` (§10).")]
    [QueryParameter("created[gte]", ListParameters.CreatedGte, Format = "date-time")]
    [QueryParameter("created[lte]", ListParameters.CreatedLte, Format = "date-time")]
    [ErrorResponse(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest)]
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
                QueryReader.Date(query, "invoice_date[lte]"),
                QueryReader.String(query, "invoice_number"),
                QueryReader.Timestamp(query, "created[gte]"),
                QueryReader.Timestamp(query, "created[lte]")),
            cancellationToken);
    }

    [HttpPatch("{id}", Name = "UpdateInvoice")]
    [Consumes("application/json")]
    [EndpointSummary("Update an invoice")]
    [EndpointDescription("Changes `invoice_due_date`, `note` and `metadata` of an `open` invoice (§10): a member present is set, `null` clears `note`, an absent member is left alone; `metadata` is merged, a key set to `\"\"` or `null` is removed. Answers 200 with the whole invoice. A change writes `invoice.updated` with `previous_attributes`; an update that changes nothing moves no `updated_at` and writes no event. A paid or void invoice answers 409 and changes nothing.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.InvoiceNotFound)]
    [ErrorResponse(StatusCodes.Status409Conflict, ErrorCodes.InvoiceStateConflict)]
    public Task<InvoiceResponse> Update(string id, [FromBody] UpdateInvoiceCommand command, CancellationToken cancellationToken) =>
        mediator.Send(command with { Id = id }, cancellationToken);

    [HttpPost("{id}/pay", Name = "PayInvoice")]
    [EndpointSummary("Pay an invoice")]
    [EndpointDescription("Moves an `open` invoice to `paid` and sets `paid_at`. Takes no body. Any other status answers 409 and changes nothing.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.InvoiceNotFound)]
    [ErrorResponse(StatusCodes.Status409Conflict, ErrorCodes.InvoiceStateConflict)]
    public Task<InvoiceResponse> Pay(string id, CancellationToken cancellationToken) =>
        mediator.Send(new PayInvoiceCommand(id), cancellationToken);

    [HttpPost("{id}/void", Name = "VoidInvoice")]
    [EndpointSummary("Void an invoice")]
    [EndpointDescription("Moves an `open` invoice to `void` and sets `voided_at`. Takes no body. Any other status answers 409 and changes nothing.")]
    [ErrorResponse(StatusCodes.Status404NotFound, ErrorCodes.InvoiceNotFound)]
    [ErrorResponse(StatusCodes.Status409Conflict, ErrorCodes.InvoiceStateConflict)]
    public Task<InvoiceResponse> Void(string id, CancellationToken cancellationToken) =>
        mediator.Send(new VoidInvoiceCommand(id), cancellationToken);
}
