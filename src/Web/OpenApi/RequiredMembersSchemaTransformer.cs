using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// Marks as <c>required</c> what a client can count on. A request body schema type says what a client
/// must send with C# <c>required</c> members, which the generator already renders. Every other object
/// is one the service writes, and it writes every member (a missing value is <c>null</c>) except those
/// ignored when null, such as the envelope's <c>items</c>.
/// </summary>
internal sealed class RequiredMembersSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;

        // Types written by a converter of our own, or as strings by the enum converter, are strings on the wire.
        if (type.Type == typeof(DateTimeOffset) || (schema.Enum is { Count: > 0 } && schema.Type is null))
        {
            schema.Type = JsonSchemaType.String;
        }

        if (type.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } || type.Properties.Any(p => p.IsRequired))
        {
            return Task.CompletedTask;
        }

        schema.Required ??= new HashSet<string>();
        foreach (var property in type.Properties.Where(p => schema.Properties.ContainsKey(p.Name)))
        {
            // A member left out when null is never null when present; a non-nullable member is never null.
            if ((IgnoredWhenNull(property) || !property.IsGetNullable) && schema.Properties[property.Name] is OpenApiSchema { Type: { } kind } member)
            {
                member.Type = kind & ~JsonSchemaType.Null;
            }

            if (!IgnoredWhenNull(property))
            {
                schema.Required.Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IgnoredWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;
}
