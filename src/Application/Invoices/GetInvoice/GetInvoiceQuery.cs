using System.Runtime.CompilerServices;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Invoices;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Invoicing.Application.Invoices.GetInvoice;

/// <summary>The id as it came in the URL: an id that is not a UUID simply names no invoice (§3).</summary>
public sealed record GetInvoiceQuery(string Id) : IRequest<InvoiceResponse>;

internal sealed class GetInvoiceQueryHandler(IApplicationDbContext db) : IRequestHandler<GetInvoiceQuery, InvoiceResponse>
{
    // The hottest read, compiled once per model (EF.CompileAsyncQuery; a compiled query refuses any other model, and a
    // process can hold one per provider, as the test suites do): an ordinary LINQ query walks and hashes its whole
    // expression (the projection's ~20 members) at every execution to find EF's cached plan, about a sixth of this
    // request's CPU (bench/README.md, "Issue 19: the compiled GET"). The environment filter still applies: EF adds
    // the model's query filters when it compiles, and reads the environment from the context it is given.
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, Guid, CancellationToken, Task<InvoiceResponse?>>> ById = [];

    private static Func<DbContext, Guid, CancellationToken, Task<InvoiceResponse?>> Compile(IModel _) => EF.CompileAsyncQuery(
        (DbContext context, Guid id, CancellationToken _) =>
            context.Set<Invoice>().Where(i => i.Id == id).Select(InvoiceResponse.Projection).FirstOrDefault());

    public async Task<InvoiceResponse> Handle(GetInvoiceQuery request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw NotFoundException.Invoice();
        }

        // IApplicationDbContext is EF's context (Infrastructure's ApplicationDbContext), which a compiled query needs.
        var context = (DbContext)db;
        return await ById.GetValue(context.Model, Compile)(context, id, cancellationToken) ?? throw NotFoundException.Invoice();
    }
}
