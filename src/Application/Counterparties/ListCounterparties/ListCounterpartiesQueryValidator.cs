using FluentValidation;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Counterparties.ListCounterparties;

internal sealed class ListCounterpartiesQueryValidator : AbstractValidator<ListCounterpartiesQuery>
{
    public ListCounterpartiesQueryValidator(IApplicationDbContext db)
    {
        Include(new ListQueryValidator<ListCounterpartiesQuery>((id, ct) => db.Counterparties.AnyAsync(c => c.Id == id, ct)));
        Include(new CreatedRangeValidator<ListCounterpartiesQuery>());
    }
}
