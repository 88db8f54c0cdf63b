using Invoicing.Application.Common.Validation;

namespace Invoicing.Application.Common.Exceptions;

/// <summary>The request was invalid: 400 <c>invalid_request</c> with every field error at once.</summary>
public sealed class InvalidRequestException(string detail, IReadOnlyList<FieldError> errors, int? itemCount = null)
    : Exception(detail)
{
    public const string DefaultDetail = "The request was invalid; see errors for each failing field.";

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    /// <summary>For a batch: how many items were submitted, so errors can be aligned per item.</summary>
    public int? ItemCount { get; } = itemCount;

    /// <summary>The body as a whole is unusable (not JSON, wrong shape): no single field is at fault.</summary>
    public static InvalidRequestException ForBody(string detail) => new(detail, []);
}
