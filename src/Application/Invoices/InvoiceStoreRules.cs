using FluentValidation;
using FluentValidation.Results;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices.CreateInvoice;
using Microsoft.EntityFrameworkCore;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Invoices;

/// <summary>
/// The rules of §5.1 that need the database, checked for a whole list of invoices at once in one query (the
/// referenced counterparties with their clashing invoice numbers), never one per item (docs/decisions/0022).
/// The query sees only the key's environment (both tables' filters), so another environment's rows do not exist here.
/// The database holds the same rules as constraints, which decide first when the rest of the request is valid
/// (<see cref="ConstraintDeferral"/>, docs/decisions/0044).
/// </summary>
internal sealed class InvoiceStoreRules(IApplicationDbContext db)
{
    /// <param name="invoices">The invoices in request order; <c>null</c> for an item that is not an object.</param>
    /// <param name="batch">Whether these are a batch's items: each failure then carries its item's index.</param>
    /// <param name="context"></param>
    /// <param name="cancellationToken"></param>
    public async Task AddFailuresAsync<T>(IReadOnlyList<CreateInvoiceCommand?> invoices, bool batch, ValidationContext<T> context, CancellationToken cancellationToken)
    {
        // Each of these rules is also a constraint (the references within the environment, the unique number), so a
        // create whose fields are valid is written without this query; a refused one comes back here (docs/decisions/0044).
        if (ConstraintDeferral.Defer(context))
        {
            return;
        }

        var referenced = invoices
            .SelectMany(d => d is null ? [] : new[] { d.OriginatingCounterpartyId, d.ReceivingCounterpartyId })
            .Where(id => id.IsPresent).Select(id => id.Value).Distinct().ToList();
        var numbered = invoices.Where(d => d is { InvoiceNumber.IsPresent: true, OriginatingCounterpartyId.IsPresent: true }).ToList();
        var originators = numbered.Select(d => d!.OriginatingCounterpartyId.Value).Distinct().ToList();
        var numbers = numbered.Select(d => d!.InvoiceNumber.Value).Distinct().ToList();

        // One round trip: the referenced counterparties that exist, each joined to those of the requested numbers it
        // has already used as an originator (flat rows: a counterparty with no clash comes back once, with no number).
        // An invoice's originator exists in its environment, so no clash is missed (docs/decisions/0022).
        var found = referenced.Count == 0
            ? []
            : await (
                from c in db.Counterparties
                where referenced.Contains(c.Id)
                join i in db.Invoices.Where(i => originators.Contains(i.OriginatingCounterpartyId) && numbers.Contains(i.InvoiceNumber))
                    on c.Id equals i.OriginatingCounterpartyId into clashes
                from clash in clashes.DefaultIfEmpty()
                select new StoredRow(c.Id, clash == null ? null : clash.InvoiceNumber))
                .ToListAsync(cancellationToken);
        var existing = found.Select(row => row.CounterpartyId).ToHashSet();
        var taken = found.Where(row => row.TakenNumber is not null).Select(row => (row.CounterpartyId, row.TakenNumber!)).ToHashSet();

        for (var index = 0; index < invoices.Count; index++)
        {
            if (invoices[index] is not { } invoice)
            {
                continue;
            }

            int? item = batch ? index : null;
            if (invoice.OriginatingCounterpartyId is { IsPresent: true, Value: var originating } && !existing.Contains(originating))
            {
                context.AddFailure(Failure(item, nameof(invoice.OriginatingCounterpartyId), DoesNotExist, DoesNotExistMessage(originating.ToString())));
            }

            if (invoice.ReceivingCounterpartyId is { IsPresent: true, Value: var receiving } && !existing.Contains(receiving))
            {
                context.AddFailure(Failure(item, nameof(invoice.ReceivingCounterpartyId), DoesNotExist, DoesNotExistMessage(receiving.ToString())));
            }

            // taken.Add is false for a number already stored, or already claimed earlier in this list.
            if (invoice is { InvoiceNumber.IsPresent: true, OriginatingCounterpartyId.IsPresent: true }
                && !taken.Add((invoice.OriginatingCounterpartyId.Value, invoice.InvoiceNumber.Value)))
            {
                context.AddFailure(Failure(item, nameof(invoice.InvoiceNumber), Unique, UniqueInvoiceNumberMessage));
            }
        }
    }

    private static ValidationFailure Failure(int? item, string property, string code, string message)
    {
        var failure = new ValidationFailure(property, message) { ErrorCode = code };
        return item is { } index ? failure.ForItem(index) : failure;
    }

    /// <summary>A referenced counterparty that exists, and one number it already used as an originator (or none).</summary>
    private sealed record StoredRow(Guid CounterpartyId, string? TakenNumber);
}
