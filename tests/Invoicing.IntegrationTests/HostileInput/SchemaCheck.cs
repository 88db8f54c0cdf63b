using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// Checks a JSON answer against a schema of the served OpenAPI 3.1 document: <c>$ref</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>,
/// <c>type</c> (also lists with <c>"null"</c>), <c>enum</c>, <c>const</c>, <c>required</c>, <c>properties</c> (no member beyond
/// them), <c>items</c>, string formats (<c>uuid</c> lowercase, <c>date</c>, <c>date-time</c> as RFC 3339 UTC), <c>pattern</c>,
/// lengths and bounds. Every problem is returned with the path of the value.
/// </summary>
internal static partial class SchemaCheck
{
    public static List<string> Check(JsonElement document, JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(document, schema, value, "$", problems);
        return problems;
    }

    private static void Check(JsonElement document, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        schema = ApiSurface.Resolve(document, schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(document, part, value, path, problems);
            }
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices)
                && !choices.EnumerateArray().Any(choice => Check(document, choice, value).Count == 0))
            {
                problems.Add($"{path}: matches none of {keyword}");
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: {Kind(value)} where the schema says {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            problems.Add($"{path}: {Show(value)} is not one of {values.GetRawText()}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: {Show(value)} is not {constant.GetRawText()}");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, problems);
                break;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
                {
                    problems.Add($"{path}: {value} is below the minimum {minimum}");
                }

                if (schema.TryGetProperty("maximum", out var maximum) && value.GetDecimal() > maximum.GetDecimal())
                {
                    problems.Add($"{path}: {value} is above the maximum {maximum}");
                }

                break;
            case JsonValueKind.Object:
                CheckObject(document, schema, value, path, problems);
                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(document, items, item, $"{path}[{i++}]", problems);
                    }
                }

                if (schema.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
                {
                    problems.Add($"{path}: fewer than {minItems} items");
                }

                if (schema.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
                {
                    problems.Add($"{path}: more than {maxItems} items");
                }

                break;
        }
    }

    private static void CheckObject(JsonElement document, JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    problems.Add($"{path}: required member {name} is missing");
                }
            }
        }

        var open = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind != JsonValueKind.False;
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
            {
                Check(document, memberSchema, member.Value, $"{path}.{member.Name}", problems);
            }
            else if (open && additional.ValueKind == JsonValueKind.Object)
            {
                Check(document, additional, member.Value, $"{path}.{member.Name}", problems);
            }
            else if (!open && properties.ValueKind == JsonValueKind.Object && !schema.TryGetProperty("allOf", out _))
            {
                problems.Add($"{path}: member {member.Name} is not in the schema");
            }
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, List<string> problems)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.TryGetProperty("minLength", out var minLength) && length < minLength.GetInt32())
        {
            problems.Add($"{path}: shorter than {minLength}");
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && length > maxLength.GetInt32())
        {
            problems.Add($"{path}: longer than {maxLength}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add($"{path}: {Show(text)} does not match {pattern}");
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var ok = format switch
        {
            "uuid" => Guid.TryParseExact(text, "D", out _) && text == text.ToLowerInvariant(),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => Timestamp().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path}: {Show(text)} is not a {format}");
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => TypeMatches(t.GetString()!, value))
        : TypeMatches(type.GetString()!, value);

    private static bool TypeMatches(string type, JsonElement value) => type switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) && !value.GetRawText().Contains('.', StringComparison.Ordinal),
        "number" => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();

    private static string Show(JsonElement value) => Show(value.GetRawText());

    private static string Show(string text) => text.Length > 80 ? text[..80] + "…" : text;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Timestamp();
}
