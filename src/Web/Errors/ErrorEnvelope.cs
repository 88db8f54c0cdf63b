using System.Text.Json.Serialization;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Validation;

namespace Invoicing.Web.Errors;

/// <summary>The one shape of every non-2xx answer (§3). <c>items</c> appears only on batch validation errors.</summary>
internal sealed record ErrorEnvelope(
    string Code,
    string Detail,
    IReadOnlyList<FieldError> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyDictionary<string, List<string>>>? Items = null)
{
    public ErrorEnvelope(string code, string detail)
        : this(code, detail, [])
    {
    }

    /// <summary>
    /// 400 <c>invalid_request</c> for a request that failed validation. A batch item's error is named with its index
    /// (<c>[2].amount_cents</c>, <c>[2]</c> for the item as a whole), and a batch's <c>items</c> holds one object per
    /// submitted item mapping each failing field (<c>non_field_errors</c> for the item as a whole) to its messages,
    /// <c>{}</c> for a good item.
    /// </summary>
    public static ErrorEnvelope Invalid(InvalidRequestException e)
    {
        var errors = e.Errors.Select(error => error.Item is { } item
            ? error with { Field = error.Field.Length == 0 ? $"[{item}]" : $"[{item}].{error.Field}" }
            : error).ToList();
        return new(ErrorCodes.InvalidRequest, e.Message, errors, e.ItemCount is { } count && e.Errors.Count > 0 ? ItemsOf(count, e.Errors) : null);
    }

    private static List<IReadOnlyDictionary<string, List<string>>> ItemsOf(int count, IReadOnlyList<FieldError> errors)
    {
        var items = Enumerable.Range(0, count).Select(_ => new Dictionary<string, List<string>>()).ToList();
        foreach (var error in errors)
        {
            if (error.Item is { } item)
            {
                var field = error.Field.Length > 0 ? error.Field : "non_field_errors";
                items[item].TryAdd(field, []);
                items[item][field].Add(error.Message);
            }
        }

        return items.ConvertAll(i => (IReadOnlyDictionary<string, List<string>>)i);
    }
}
