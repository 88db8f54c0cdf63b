using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// except those ignored when null, such as the envelope's <c>items</c>; a member whose getter returns a literal (such as
/// <c>object =&gt; "invoice"</c>) is that constant;</item>
/// <item>a member declared <see cref="OneOfValuesAttribute"/> (each item, for a list) is an <c>enum</c> of those values;</item>
/// <item>a timestamp (<see cref="DateTimeOffset"/>, written by a converter of our own) is a <c>date-time</c> string, also
/// where it may be absent (<c>null</c>).</item>
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
        if (Nullable.GetUnderlyingType(type.Type) == typeof(DateTimeOffset))
        {
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (type.Type == typeof(DateTimeOffset) || (schema.Enum is { Count: > 0 } && schema.Type is null))
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
        Restrict(schema, member);
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
            if (schema.Properties![property.Name] is OpenApiSchema written)
            {
                Restrict(written, property.AttributeProvider as MemberInfo);
                if (LiteralOf(property.AttributeProvider as PropertyInfo) is { } literal)
                {
                    if (literal is string text)
                    {
                        (written.Type, written.Const) = (JsonSchemaType.String, text);
                    }
                    else
                    {
                        (written.Type, written.Enum) = (JsonSchemaType.Boolean, [JsonValue.Create((bool)literal)]);
                    }
                }
            }

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

    /// <summary>A member (or, for a list, each item) declared <see cref="OneOfValuesAttribute"/> takes only those values.</summary>
    private static void Restrict(OpenApiSchema schema, MemberInfo? member)
    {
        if (member?.GetCustomAttribute<OneOfValuesAttribute>() is not { } oneOf)
        {
            return;
        }

        var values = oneOf.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = values };
        }
        else
        {
            schema.Enum = values;
        }
    }

    /// <summary>
    /// The value of a read-only string or boolean member whose getter returns a literal and nothing else
    /// (<c>public string Object =&gt; "invoice";</c>, <c>public bool Deleted =&gt; true;</c>): its IL is <c>ldstr</c> or
    /// <c>ldc.i4.0/1</c>, then <c>ret</c>. Any other member (computed, stored) is no constant.
    /// </summary>
    private static object? LiteralOf(PropertyInfo? property)
    {
        if (property is not { CanWrite: false, GetMethod: { IsStatic: false } getter } || (property.PropertyType != typeof(string) && property.PropertyType != typeof(bool)))
        {
            return null;
        }

        var il = getter.GetMethodBody()?.GetILAsByteArray() ?? [];
        var body = il.SkipWhile(b => b == 0x00).ToArray(); // nop
        var literal = property.PropertyType == typeof(string)
            ? body is [0x72, _, _, _, _, 0x2A] // ldstr; ret
            : body is [0x16 or 0x17, 0x2A]; // ldc.i4.0 or ldc.i4.1; ret
        return literal ? getter.Invoke(RuntimeHelpers.GetUninitializedObject(property.DeclaringType!), null) : null;
    }

    private static bool IgnoredWhenNull(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;
}
