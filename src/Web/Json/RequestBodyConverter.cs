using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Json;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;

namespace Invoicing.Web.Json;

/// <summary>
/// What a request body must be before its members are read (§3): a command's body is a JSON object, a batch's the JSON
/// array of its items. Any other kind answers 400 <c>invalid_request</c> with the contract's detail and no field error.
/// Registered for MVC's reading of bodies only: the OpenAPI document, which reads the other JSON options, describes the
/// commands as their own types (docs/decisions/0032).
/// </summary>
internal sealed class RequestBodyConverter : JsonConverterFactory
{
    private JsonSerializerOptions? _plain;

    public override bool CanConvert(Type typeToConvert) =>
        BatchItemOf(typeToConvert) is not null
        || typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        BatchItemOf(typeToConvert) is { } item
            ? (JsonConverter)Activator.CreateInstance(typeof(BatchConverter<,>).MakeGenericType(typeToConvert, item))!
            : (JsonConverter)Activator.CreateInstance(typeof(ObjectConverter<>).MakeGenericType(typeToConvert), Plain(options))!;

    /// <summary>The item type of an <see cref="IBatchCommand{TSelf,TItem}"/>, else null.</summary>
    public static Type? BatchItemOf(Type type) =>
        type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IBatchCommand<,>))?.GetGenericArguments()[1];

    /// <summary>These options without this converter: what reads a command's members once its shape is checked.</summary>
    private JsonSerializerOptions Plain(JsonSerializerOptions options)
    {
        if (_plain is null)
        {
            var plain = new JsonSerializerOptions(options);
            plain.Converters.Remove(this);
            _plain = plain;
        }

        return _plain;
    }

    private sealed class ObjectConverter<T>(JsonSerializerOptions plain) : JsonConverter<T>
    {
        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw InvalidRequestException.ForBody(FieldErrorCodes.NotAnObjectMessage(InputJsonConverter.KindOf(reader.TokenType)));
            }

            var start = reader; // a converter is given the whole value, so it can be read again
            try
            {
                return JsonSerializer.Deserialize<T>(ref reader, plain)!;
            }
            catch (JsonException e) when (e.InnerException is InvalidOperationException)
            {
                // A member name that is no text (an escaped lone surrogate, {"\ud800": 1}) made the serializer throw. It
                // cannot be a name the API reads, so it is an unknown member: read the object again without it.
                reader = start;
                using var document = JsonDocument.ParseValue(ref reader);
                return JsonSerializer.Deserialize<T>(WithReadableNames(document.RootElement), plain)!;
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, plain);

        private static ReadOnlySpan<byte> WithReadableNames(JsonElement body)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var member in body.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = member.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(member.Value), skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            return buffer.WrittenSpan;
        }
    }

    private sealed class BatchConverter<TBatch, TItem> : JsonConverter<TBatch>
        where TBatch : IBatchCommand<TBatch, TItem>
    {
        public override bool HandleNull => true;

        public override TBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.StartArray
                ? TBatch.Of(JsonSerializer.Deserialize<List<Input<TItem>>>(ref reader, options)!)
                : throw InvalidRequestException.ForBody(FieldErrorCodes.NotAListMessage(InputJsonConverter.KindOf(reader.TokenType)));

        public override void Write(Utf8JsonWriter writer, TBatch value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items, options);
    }
}
