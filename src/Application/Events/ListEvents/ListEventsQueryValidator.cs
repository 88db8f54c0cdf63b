using FluentValidation;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Lists;
using Invoicing.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Events.ListEvents;

internal sealed class ListEventsQueryValidator : AbstractValidator<ListEventsQuery>
{
    public static readonly string UnknownTypeMessage = $"Must be one of: {string.Join(", ", EventTypes.All)}.";

    public ListEventsQueryValidator(IApplicationDbContext db)
    {
        Include(new ListQueryValidator<ListEventsQuery>((id, ct) => db.Events.AnyAsync(e => e.Id == id, ct)));
        RuleFor(x => x.Type).Optional().Satisfies(EventTypes.All.Contains, FieldErrorCodes.Invalid, UnknownTypeMessage).OverridePropertyName("type");
        Include(new CreatedRangeValidator<ListEventsQuery>());
    }
}
