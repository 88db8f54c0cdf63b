namespace Invoicing.Web.OpenApi;

/// <summary>
/// The real schema of a body that the action reads as a <c>JsonElement</c> (ADR 0012). The type exists only
/// to be described: members a client must send are C# <c>required</c>, bounds are data annotations.
/// For a JSON array of such objects, give the element type and <see cref="MinItems"/>/<see cref="MaxItems"/>
/// with <see cref="IsArray"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequestBodySchemaAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;

    public bool IsArray { get; init; }

    public int MinItems { get; init; }

    public int MaxItems { get; init; }
}

/// <summary>
/// An error status this action can answer with, and the catalog codes it carries there (each must be in
/// <see cref="Errors.ApiErrors.Catalog"/> with that status). Responses every operation shares (401, 500, …)
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

    /// <summary><c>uuid</c> or <c>date</c> for strings.</summary>
    public string? Format { get; init; }

    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;

    public long Default { get; init; } = long.MinValue;

    /// <summary>The values a string parameter may take.</summary>
    public string[]? Values { get; init; }
}
