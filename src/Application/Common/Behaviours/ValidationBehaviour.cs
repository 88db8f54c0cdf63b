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
/// request as a whole and becomes the detail.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await ThrowIfInvalidAsync(request, cancellationToken);
        try
        {
            return await next();
        }
        catch (UniqueConstraintException)
        {
            // A concurrent request stored a clashing row after validation ran. Its transaction has
            // committed (the index waited for it), so validating again names the clashing fields.
            await ThrowIfInvalidAsync(request, cancellationToken);
            throw;
        }
    }

    private async Task ThrowIfInvalidAsync(TRequest request, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return;
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
