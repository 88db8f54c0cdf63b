using System.Text.Json;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices;
using Invoicing.Application.Invoices.CreateInvoice;
using Invoicing.Application.Invoices.CreateInvoiceBatch;
using Invoicing.Application.Invoices.GetInvoice;
using Invoicing.Web.Errors;
using Invoicing.Web.Json;
using Invoicing.Web.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Invoicing.Web.Invoices;

[ApiController]
[Route("v1/invoices")]
public sealed class InvoicesController(IMediator mediator) : ControllerBase
{
    [HttpPost(Name = "CreateInvoice")]
    [Consumes("application/json")]
    [EndpointSummary("Create an invoice")]
    [EndpointDescription("Creates one invoice in the key's environment, `open`. Answers 201 with the invoice and its URL in `Location`.")]
    [RequestBodySchema(typeof(CreateInvoiceBody))]
    [ProducesResponseType<InvoiceResponse>(StatusCodes.Status201Created)]
    [ResponseHeader(StatusCodes.Status201Created, "Location", "The new invoice's URL: `/v1/invoices/{id}`.")]
    public async Task<IActionResult> Create([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(new CreateInvoiceCommand(ReadDraft(BodyReader.RequireObject(body))), cancellationToken);
        return Created($"/v1/invoices/{invoice.Id}", invoice);
    }

    [HttpPost("batch", Name = "CreateInvoiceBatch")]
    [Consumes("application/json")]
    [EndpointSummary("Create invoices in a batch")]
    [EndpointDescription("Creates 1–1000 invoices, all or none. Answers 201 with the created invoices in request order. On failure, the 400 envelope adds `items`: one object per submitted invoice mapping each failing field to its messages, `{}` for a good one.")]
    [RequestBodySchema(typeof(CreateInvoiceBody), IsArray = true, MinItems = 1, MaxItems = 1000)]
    [ProducesResponseType<IReadOnlyList<InvoiceResponse>>(StatusCodes.Status201Created)]
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

    [HttpGet("{id}", Name = "GetInvoice")]
    [EndpointSummary("Retrieve an invoice")]
    [ErrorResponse(StatusCodes.Status404NotFound, ApiErrors.InvoiceNotFound)]
    public Task<InvoiceResponse> Get(string id, CancellationToken cancellationToken) =>
        mediator.Send(new GetInvoiceQuery(id), cancellationToken);

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
