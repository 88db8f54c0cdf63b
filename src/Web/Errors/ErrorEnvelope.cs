using System.Text.Json.Serialization;
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
}
