using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Web.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Invoicing.Web.OpenApi;

/// <summary>
/// Makes each schema the generator derived from a type say what goes over the wire (docs/decisions/0032):
/// <list type="bullet">
/// <item>a request member (<see cref="Input{T}"/>, which a converter reads) is <c>T</c>'s schema, with what its record
/// declares (<see cref="InputDeclaration"/>): <c>null</c> allowed, the default; its bounds and description the generator
/// already took from the member's data annotations and XML comment;</item>
/// <item>a request record requires exactly its <c>[Required]</c> members;</item>
/// <item>a batch is the JSON array of its items, 1 to <see cref="IBatchCommand{TSelf,TItem}.MaxItems"/> of them;</item>
/// <item>every other object is one the service writes, and it writes every member (a missing value is <c>null</c>)
/// except those ignored when null, such as the envelope's <c>items</c>.</item>
/// </list>
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>
    /// A request record is named as the body it is (<c>CreateInvoiceCommand</c> is <c>CreateInvoiceBody</c>); a request
    /// member and a batch (an array) are written in place.
    /// </summary>
    public static string? ReferenceId(JsonTypeInfo type) =>
        InputDeclaration.IsInput(type.Type) || RequestBodyConverter.BatchItemOf(type.Type) is not null ? null
        : type.Type.Name.EndsWith("Command", StringComparison.Ordinal) ? type.Type.Name[..^"Command".Length] + "Body"
        : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo;

        // Types written by a converter of our own, or as strings by the enum converter, are strings on the wire.
        if (type.Type == typeof(DateTimeOffset) || (schema.Enum is { Count: > 0 } && schema.Type is null))
        {
            schema.Type = JsonSchemaType.String;
        }

        if (InputDeclaration.IsInput(type.Type))
        {
            await DescribeMemberAsync(schema, context, cancellationToken);
        }
        else if (RequestBodyConverter.BatchItemOf(type.Type) is { } item)
        {
            schema.Type = JsonSchemaType.Array;
            schema.Properties = null;
            schema.Required = null;
            schema.MinItems = 1;
            schema.MaxItems = (int)type.Type.GetProperty(nameof(IBatchCommand<,>.MaxItems), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            schema.Items = await context.GetOrCreateSchemaAsync(item, null, cancellationToken);
        }
        else if (type.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            if (type.Properties.Any(p => InputDeclaration.IsInput(p.PropertyType)))
            {
                schema.Required = type.Properties.Where(p => InputDeclaration.IsRequired(p.AttributeProvider as MemberInfo)).Select(p => p.Name).ToHashSet();
            }
            else
            {
                RequireWrittenMembers(schema, type);
            }
        }
    }

    private static async Task DescribeMemberAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var value = await context.GetOrCreateSchemaAsync(context.JsonTypeInfo.Type.GetGenericArguments()[0], null, cancellationToken);
        schema.Type = value.Type;
        schema.Format ??= value.Format;
        schema.Items = value.Items;
        if (schema.Type == JsonSchemaType.Array)
        {
            // The generator took [MinLength]/[MaxLength] for a string's: it could not see that the member is a list.
            (schema.MinItems, schema.MaxItems, schema.MinLength, schema.MaxLength) = (schema.MinLength, schema.MaxLength, null, null);
        }
        else if (value.AdditionalProperties is OpenApiSchema { Type: { } valueType })
        {
            // A string map (`metadata`, the only one): [MaxLength] is its number of keys; a value may be null or "" (the
            // key's removal), and has at most Metadata.ValueMaxLength characters.
            schema.AdditionalProperties = new OpenApiSchema { Type = valueType | JsonSchemaType.Null, MaxLength = Domain.Common.Metadata.ValueMaxLength };
            (schema.MaxProperties, schema.MinLength, schema.MaxLength) = (schema.MaxLength, null, null);
        }

        var member = context.JsonPropertyInfo?.AttributeProvider as MemberInfo;
        if (InputDeclaration.IsNullable(member))
        {
            schema.Type |= JsonSchemaType.Null;
        }

        if (InputDeclaration.DefaultOf(member) is { } fallback)
        {
            schema.Default = JsonSerializer.SerializeToNode(fallback);
        }
    }

    private static void RequireWrittenMembers(OpenApiSchema schema, JsonTypeInfo type)
    {
        schema.Required ??= new HashSet<string>();
        foreach (var property in type.Properties.Where(p => schema.Properties!.ContainsKey(p.Name)))
        {
            // A member left out when null is never null when present; a non-nullable member is never null.
            if ((IgnoredWhenNull(property) || !property.IsGetNullable) && schema.Properties![property.Name] is OpenApiSchema { Type: { } kind } member)
            {
                member.Type = kind & ~JsonSchemaType.Null;
            }

            if (!IgnoredWhenNull(property))
            {
                schema.Required.Add(property.Name);
            }
        }
    }

    private static bool IgnoredWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;
}
