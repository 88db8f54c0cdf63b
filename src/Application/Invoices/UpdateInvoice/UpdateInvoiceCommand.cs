using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Updates;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Invoices;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Invoices.UpdateInvoice;

/// <summary>
/// The body of <c>PATCH /v1/invoices/{id}</c> (§10): each member present is set with the create rules, <c>null</c>
/// clears `note`, an absent member is left alone, other members are ignored. Only an `open` invoice changes.
/// </summary>
/// <param name="InvoiceDueDate">On or after the invoice's `invoice_date` (otherwise `invalid_relation`); may not be `null`.</param>
/// <param name="Note">May be blank; `null` clears it.</param>
/// <param name="Metadata">Merged into the stored metadata: a key with `""` or `null` is removed, every other key set; `null` removes every key. The result keeps the limits of §10.</param>
public sealed record UpdateInvoiceCommand(
    Input<DateOnly> InvoiceDueDate,
    [property: NullMeansNone, MaxLength(Invoice.NoteMaxLength)] Input<string> Note,
    [property: NullMeansNone, MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ICommand<InvoiceResponse>
{
    /// <summary>The id as it came in the URL (not a member of the body).</summary>
    [JsonIgnore]
    public string Id { get; init; } = string.Empty;
}

internal sealed class UpdateInvoiceCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<UpdateInvoiceCommand, InvoiceResponse>
{
    public async Task<InvoiceResponse> Handle(UpdateInvoiceCommand request, CancellationToken cancellationToken)
    {
        // A no-op UPDATE takes the row's write lock until the transaction ends: concurrent updates run one after the
        // other, each merging into the last one's result, and a pay or void either waits for this update or has
        // committed before it, and then the invoice reads as no longer open (docs/decisions/0039).
        if (!Guid.TryParse(request.Id, out var id)
            || await db.Invoices.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, i => i.UpdatedAt), cancellationToken) == 0)
        {
            throw NotFoundException.Invoice();
        }

        var invoice = await db.Invoices.FirstAsync(i => i.Id == id, cancellationToken);
        var metadata = request.Metadata.ToMetadataChanges(invoice.Metadata);
        if (invoice.Status == InvoiceStatus.Open && Errors(invoice, request, metadata).ToList() is { Count: > 0 } errors)
        {
            throw new InvalidRequestException(InvalidRequestException.DefaultDetail, errors);
        }

        // Not open: the aggregate's rule answers 409 invoice_state_conflict, whatever the body.
        if (invoice.Update(request.InvoiceDueDate.ToChange(), request.Note.ToClearable(), metadata, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return InvoiceResponse.From(invoice);
    }

    /// <summary>The rules that need the stored invoice: the due-date relation (as on create) and the merged metadata's size.</summary>
    private static IEnumerable<FieldError> Errors(Invoice invoice, UpdateInvoiceCommand request, IReadOnlyDictionary<string, string?>? metadata)
    {
        if (request.InvoiceDueDate.IsPresent && request.InvoiceDueDate.Value < invoice.InvoiceDate)
        {
            yield return new FieldError("invoice_due_date", FieldErrorCodes.InvalidRelation, "Must be on or after invoice_date.");
        }

        foreach (var error in UpdateInputs.MergedMetadataErrors(invoice.Metadata, metadata))
        {
            yield return error;
        }
    }
}
