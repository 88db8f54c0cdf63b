using FluentValidation;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using MediatR;

namespace Invoicing.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request and throws one <see cref="InvalidRequestException"/> with all
/// failures: one error per field (per field of each item in a batch; the first rule that fails explains it, so
/// a wrong JSON type hides the value rules of its field). A failure without a property is about the
/// request as a whole and becomes the detail. Rules that a database constraint also holds may leave their check to it
/// when the rest is valid (<see cref="ConstraintDeferral"/>); a write it refuses is validated again in full.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await ThrowIfInvalidAsync(request, constraintsMayDecide: true, cancellationToken);
        try
        {
            return await next();
        }
        catch (Exception refused) when (refused is UniqueConstraintException or ReferenceConstraintException)
        {
            // A rule left to the database found the request wrong (docs/decisions/0044), or a concurrent request stored a
            // clashing row after validation ran (its transaction has committed: the index waited for it). The write was
            // rolled back, so validating again in full names the fields.
            await ThrowIfInvalidAsync(request, constraintsMayDecide: false, cancellationToken);
            throw;
        }
    }

    private async Task ThrowIfInvalidAsync(TRequest request, bool constraintsMayDecide, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        var deferred = false;
        foreach (var validator in validators)
        {
            var context = new ValidationContext<TRequest>(request);
            var result = await validator.ValidateAsync(constraintsMayDecide ? ConstraintDeferral.Allowing(context) : context, cancellationToken);
            failures.AddRange(result.Errors);
            deferred |= ConstraintDeferral.WasUsed(context);
        }

        if (failures.Count == 0)
        {
            return;
        }

        if (deferred)
        {
            // Invalid anyway: every error at once, those the database would have found included.
            await ThrowIfInvalidAsync(request, constraintsMayDecide: false, cancellationToken);
        }

        // A batch item as a whole (an item that is no object) has no property either, but its index: a field error.
        var whole = failures.FirstOrDefault(f => f.PropertyName.Length == 0 && f.CustomState is null);
        var errors = failures.Where(f => f.PropertyName.Length > 0 || f.CustomState is not null).Select(FieldError.From).DistinctBy(e => (e.Item, e.Field)).ToList();
        throw new InvalidRequestException(
            whole?.ErrorMessage ?? InvalidRequestException.DefaultDetail,
            whole is null ? errors : [],
            (request as IBatchCommand)?.ItemCount);
    }
}
