using FluentValidation;
using FluentValidation.Results;
using Invoicing.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Invoices;

/// <summary>
/// The rules of §5.1 that need the database, checked for a whole list of drafts at once: one
/// query for the referenced counterparties, one for clashing invoice numbers, never one per item.
/// Both queries see only the key's environment, so another environment's rows do not exist here.
/// </summary>
internal sealed class InvoiceStoreRules(IApplicationDbContext db)
{
    /// <param name="drafts">The drafts in request order; <c>null</c> for an item that is not an object.</param>
    /// <param name="pathOf">The property path of item <c>i</c> (<c>""</c> for a single invoice, <c>Items[i].</c> in a batch).</param>
    /// <param name="context"></param>
    /// <param name="cancellationToken"></param>
    public async Task AddFailuresAsync<T>(IReadOnlyList<InvoiceDraft?> drafts, Func<int, string> pathOf, ValidationContext<T> context, CancellationToken cancellationToken)
    {
        var referenced = drafts
            .SelectMany(d => d is null ? [] : new[] { d.OriginatingCounterpartyId, d.ReceivingCounterpartyId })
            .Where(id => id.IsPresent).Select(id => id.Value).Distinct().ToList();
        var existing = referenced.Count == 0
            ? []
            : (await db.Counterparties.Where(c => referenced.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();

        var numbered = drafts.Where(d => d is { InvoiceNumber.IsPresent: true, OriginatingCounterpartyId.IsPresent: true }).ToList();
        var originators = numbered.Select(d => d!.OriginatingCounterpartyId.Value).Distinct().ToList();
        var numbers = numbered.Select(d => d!.InvoiceNumber.Value).Distinct().ToList();
        var taken = numbered.Count == 0
            ? []
            : (await db.Invoices
                .Where(i => originators.Contains(i.OriginatingCounterpartyId) && numbers.Contains(i.InvoiceNumber))
                .Select(i => new { i.OriginatingCounterpartyId, i.InvoiceNumber })
                .ToListAsync(cancellationToken))
                .Select(i => (i.OriginatingCounterpartyId, i.InvoiceNumber)).ToHashSet();

        for (var index = 0; index < drafts.Count; index++)
        {
            if (drafts[index] is not { } draft)
            {
                continue;
            }

            var path = pathOf(index);
            if (draft.OriginatingCounterpartyId is { IsPresent: true, Value: var originating } && !existing.Contains(originating))
            {
                context.AddFailure(Failure(path + nameof(InvoiceDraft.OriginatingCounterpartyId), DoesNotExist, DoesNotExistMessage(originating.ToString())));
            }

            if (draft.ReceivingCounterpartyId is { IsPresent: true, Value: var receiving } && !existing.Contains(receiving))
            {
                context.AddFailure(Failure(path + nameof(InvoiceDraft.ReceivingCounterpartyId), DoesNotExist, DoesNotExistMessage(receiving.ToString())));
            }

            // taken.Add is false for a number already stored, or already claimed earlier in this list.
            if (draft is { InvoiceNumber.IsPresent: true, OriginatingCounterpartyId.IsPresent: true }
                && !taken.Add((draft.OriginatingCounterpartyId.Value, draft.InvoiceNumber.Value)))
            {
                context.AddFailure(Failure(path + nameof(InvoiceDraft.InvoiceNumber), Unique, UniqueInvoiceNumberMessage));
            }
        }
    }

    private static ValidationFailure Failure(string property, string code, string message) =>
        new(property, message) { ErrorCode = code };
}
