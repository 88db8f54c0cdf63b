using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation.Results;

namespace Invoicing.Application.Common.Validation;

/// <summary>One failing field, named as the client sent it (`amount_cents`, `[0].amount_cents`).</summary>
/// <param name="Field">The member, query parameter or header name (<c>amount_cents</c>); empty for an item as a whole.</param>
/// <param name="Code">A code of <see cref="FieldErrorCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Item">For a batch: the index of the item the field belongs to. The envelope renders it in the field's name.</param>
public sealed record FieldError(string Field, string Code, string Message, [property: JsonIgnore] int? Item = null)
{
    /// <summary>
    /// A validator failure in the wire form: a C# member name becomes its snake_case member name
    /// (<c>AmountCents</c> becomes <c>amount_cents</c>); a name set with <c>OverridePropertyName</c>
    /// (<c>invoice_date[gte]</c>) stays. After a dot the name is a key the client chose and stays as sent
    /// (<c>Metadata.orderId</c> becomes <c>metadata.orderId</c>). A failure about a batch item carries the item's index
    /// (<see cref="InputRules.ForItem"/>).
    /// </summary>
    public static FieldError From(ValidationFailure failure) =>
        new(WireName(failure.PropertyName), failure.ErrorCode, failure.ErrorMessage, failure.CustomState as int?);

    private static string WireName(string name) =>
        name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0
            ? JsonNamingPolicy.SnakeCaseLower.ConvertName(name[..dot]) + name[dot..]
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
