using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Invoices;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Invoices;

/// <summary>
/// Takes the invoice's row lock, loads it, lets the aggregate apply a lifecycle move (its rule decides), and stores it
/// with a conditional update on the status it was read in (docs/decisions/0008). The lock is the one every update takes
/// (a no-op <c>UPDATE</c>, docs/decisions/0039): a pay or void that meets a concurrent transition or update waits for it
/// and then reads what it committed, so its answer and its event hold the invoice as it is stored, and a second move
/// finds the invoice no longer open: 409. Should the conditional update still match no row (EF's
/// <see cref="DbUpdateConcurrencyException"/>), the invoice is read again and the aggregate's rule is applied to its
/// current state: 409, never a second move.
/// </summary>
internal static class InvoiceTransition
{
    public static async Task<InvoiceResponse> ApplyAsync(
        IApplicationDbContext db, string id, Action<Invoice> move, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var invoiceId)
            || await db.Invoices.Where(i => i.Id == invoiceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, i => i.UpdatedAt), cancellationToken) == 0)
        {
            throw NotFoundException.Invoice();
        }

        var invoice = await LoadAsync(db.Invoices, id, cancellationToken);
        move(invoice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only a change of status makes the conditional update miss, so the invoice is no longer open
            // and the aggregate's rule throws InvoiceStateConflictException here. Should it not, the
            // conflict has no explanation and stays a 500.
            move(await LoadAsync(db.Invoices.AsNoTracking(), id, cancellationToken));
            throw;
        }

        return InvoiceResponse.From(invoice);
    }

    private static async Task<Invoice> LoadAsync(IQueryable<Invoice> invoices, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var invoiceId)
            ? await invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken) ?? throw NotFoundException.Invoice()
            : throw NotFoundException.Invoice();
}
