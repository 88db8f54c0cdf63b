using Invoicing.Application.Common.Validation;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// An error status this action can answer with, and the catalog codes it carries there (each must be in
/// <see cref="Application.Common.Errors.ErrorCodes.Catalog"/> with that status). Responses every operation shares (401, 500, …)
/// come from <see cref="OperationConventions"/> instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ErrorResponseAttribute(int status, params string[] codes) : Attribute
{
    public int Status { get; } = status;

    public IReadOnlyList<string> Codes { get; } = codes;
}

/// <summary>A header the action sends with a success status, such as <c>Location</c> on 201.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    public int Status { get; } = status;

    public string Name { get; } = name;

    public string Description { get; } = description;
}

/// <summary>
/// A query-string parameter that the action reads itself with <c>QueryReader</c>, so that a malformed value
/// is a field error on the parameter rather than a binding failure. It is documented here with its schema.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class QueryParameterAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool IsInteger { get; init; }

    /// <summary><c>uuid</c>, <c>date</c> or <c>date-time</c> (RFC 3339) for strings.</summary>
    public string? Format { get; init; }

    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;

    public long Default { get; init; } = long.MinValue;

    /// <summary>The values a string parameter may take.</summary>
    public string[]? Values { get; init; }

    /// <summary>
    /// With <see cref="ValuesMember"/>: the public static list of strings that holds the values a string parameter may take
    /// (such as <c>EventTypes.All</c>), so a value added there is documented without touching the action.
    /// </summary>
    public Type? ValuesOf { get; init; }

    public string? ValuesMember { get; init; }

    public IReadOnlyList<string>? AllValues =>
        ValuesOf is not null && ValuesMember is not null ? new OneOfValuesAttribute(ValuesOf, ValuesMember).Values : Values;
}

/// <summary>
/// The controller's tag in the document (the generator names it after the controller): what its operations are about,
/// and its place among the tags, in the order a user meets them (<c>1</c> first). Every controller under <c>/v1</c> has one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ApiTagAttribute(int order, string description) : Attribute
{
    public int Order { get; } = order;

    public string Description { get; } = description;
}
