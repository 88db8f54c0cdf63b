using FluentValidation;
using Invoicing.Application.Common.Validation;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Common.Lists;

/// <summary>
/// The paging rules of every list (§6): <c>limit</c> 1…100, at most one cursor, and a cursor must name an
/// item of the collection in the key's environment (the existence check it is given sees only that environment).
/// Included by each list's own validator.
/// </summary>
internal sealed class ListQueryValidator<T> : AbstractValidator<T>
    where T : IListQuery
{
    public const string BothCursorsMessage = "Only one of starting_after and ending_before may be given.";

    public ListQueryValidator(Func<Guid, CancellationToken, Task<bool>> exists)
        : this((_, cursor, ct) => exists(cursor, ct))
    {
    }

    /// <param name="exists">Whether the cursor names an item of the collection the query (a sub-collection, such as an endpoint's attempts) is about.</param>
    public ListQueryValidator(Func<T, Guid, CancellationToken, Task<bool>> exists)
    {
        RuleFor(x => x.Limit).Optional().Min(1).Max(IListQuery.MaxLimit).OverridePropertyName("limit");
        RuleFor(x => x.StartingAfter).Optional()
            .MustAsync((x, cursor, ct) => Exists(x, cursor, exists, ct)).WithErrorCode(DoesNotExist).WithMessage((_, c) => DoesNotExistMessage(c.Value.ToString()))
            .OverridePropertyName("starting_after");
        RuleFor(x => x.EndingBefore).Optional()
            .Must((x, cursor) => cursor.State == InputState.Missing || x.StartingAfter.State == InputState.Missing).WithErrorCode(Invalid).WithMessage(BothCursorsMessage)
            .MustAsync((x, cursor, ct) => Exists(x, cursor, exists, ct)).WithErrorCode(DoesNotExist).WithMessage((_, c) => DoesNotExistMessage(c.Value.ToString()))
            .OverridePropertyName("ending_before");
    }

    private static async Task<bool> Exists(T query, Input<Guid> cursor, Func<T, Guid, CancellationToken, Task<bool>> exists, CancellationToken ct) =>
        !cursor.IsPresent || await exists(query, cursor.Value, ct);
}
