using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Application.Common.Json;

/// <summary>
/// The wire format of §1: snake_case members, lowercase enum values, strict numbers, RFC 3339 UTC timestamps.
/// The web layer's serializer and the event outbox (which stores resources exactly as the API renders them,
/// docs/decisions/0015) both use it.
/// </summary>
public static class ApiJson
{
    /// <summary>Options configured by <see cref="Apply"/>, for serializing outside a request.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    public static void Apply(JsonSerializerOptions options)
    {
        // ASP.NET Core's own default for JSON written to a response (not into HTML); set here too, so the
        // outbox writes exactly the bytes a GET answers.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false; // a request member is named exactly (JsonSerializerDefaults.Web would ignore case)
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcTimestampConverter());

        // JSON nested up to 64 levels is read (System.Text.Json's own default; MVC lowers its reader to 32), deeper is not valid JSON.
        options.MaxDepth = 64;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Writes <c>2026-11-22T10:15:00Z</c>: UTC, whole seconds, as the contract shows.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        /// <summary>
        /// The sortable standard format (<c>s</c>, <c>yyyy-MM-ddTHH:mm:ss</c>) and a <c>Z</c>, written into a stack buffer:
        /// the custom format string allocated a string and parsed its pattern per timestamp, four per invoice of a batch.
        /// </summary>
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            Span<byte> text = stackalloc byte[20];
            if (!value.UtcDateTime.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture) || written != 19)
            {
                throw new InvalidOperationException($"A timestamp did not format as 19 characters ({written}).");
            }

            text[19] = (byte)'Z';
            writer.WriteStringValue(text);
        }
    }
}
