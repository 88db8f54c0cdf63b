using System.Text.Json.Serialization;

namespace Invoicing.Application.Common.Lists;

/// <summary>A page of a collection (§6): newest first, <c>has_more</c> when the walk can go on in the same direction.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, bool HasMore)
{
    [JsonPropertyOrder(-1)]
    public string Object => "list";
}
