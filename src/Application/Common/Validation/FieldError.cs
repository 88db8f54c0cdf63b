using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation.Results;

namespace Invoicing.Application.Common.Validation;

/// <summary>One failing field, named as the client sent it (<c>amount_cents</c>, <c>[0].amount_cents</c>).</summary>
public sealed partial record FieldError(string Field, string Code, string Message)
{
    /// <summary>
    /// Turns a validator failure into the wire form: C# property paths become the snake_case
    /// member names (<c>Items[2].AmountCents</c> becomes <c>[2].amount_cents</c>).
    /// </summary>
    public static FieldError From(ValidationFailure failure) =>
        new(WireName(failure.PropertyName), failure.ErrorCode, failure.ErrorMessage);

    public static string WireName(string propertyPath)
    {
        var path = BatchItemsPrefix().Replace(propertyPath, "[$1]");
        return PropertyName().Replace(path, m => JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Value));
    }

    [GeneratedRegex(@"^Items\[(\d+)\]")]
    private static partial Regex BatchItemsPrefix();

    [GeneratedRegex("[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex PropertyName();
}
