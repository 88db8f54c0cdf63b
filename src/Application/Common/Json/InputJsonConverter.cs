using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Validation;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Common.Json;

/// <summary>
/// Reads a member of a request into <see cref="Input{T}"/> and never throws for it (docs/decisions/0004, 0032), so that
/// one wrong member does not stop the others: an absent member stays <see cref="Input{T}.Missing"/> (the serializer
/// calls no converter for it), <c>null</c> is <see cref="Input{T}.Null"/>, a value of the wrong JSON kind is consumed
/// whole and is <see cref="Input{T}.Invalid"/> with the contract's message, anything else is the value.
/// </summary>
public sealed class InputJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Input<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var type = typeToConvert.GetGenericArguments()[0];
        return type == typeof(long) ? new Converter<long>(Integer)
            : type == typeof(string) ? new Converter<string>(String)
            : type == typeof(DateOnly) ? new Converter<DateOnly>(Date)
            : type == typeof(Guid) ? new Converter<Guid>(Uuid)
            : type == typeof(bool) ? new Converter<bool>(Boolean)
            : type == typeof(IReadOnlyList<string>) ? new Converter<IReadOnlyList<string>>(StringList)
            : type == typeof(IReadOnlyDictionary<string, string?>) ? new Converter<IReadOnlyDictionary<string, string?>>(StringMap)
            : (JsonConverter)Activator.CreateInstance(
                typeof(Converter<>).MakeGenericType(type),
                typeof(InputJsonConverter).GetMethod(nameof(Object), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(type).CreateDelegate(typeof(ValueReader<>).MakeGenericType(type)),
                false)!;
    }

    /// <summary>The JSON kind of the current value as a client would name it: object, array, string, number, boolean or null.</summary>
    public static string KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        _ => "null",
    };

    /// <summary>
    /// A JSON integer. An integer literal beyond 64 bits is read as the nearest 64-bit value, so the member's range
    /// rule (not a type error) explains it.
    /// </summary>
    private static Input<long> Integer(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            reader.Skip();
            return Input<long>.Invalid(InvalidIntegerMessage);
        }

        if (reader.TryGetInt64(out var integer))
        {
            return Input<long>.Of(integer);
        }

        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        var negative = raw[0] == (byte)'-';
        return raw[(negative ? 1 : 0)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            ? Input<long>.Of(negative ? long.MinValue : long.MaxValue)
            : Input<long>.Invalid(InvalidIntegerMessage);
    }

    private static Input<string> String(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        Text(ref reader) switch
        {
            null => Input<string>.Invalid(InvalidStringMessage),
            var text when text.Contains('\0') => Input<string>.Invalid(NullCharacterMessage),
            var text => Input<string>.Of(text),
        };

    /// <summary>A calendar date written exactly <c>YYYY-MM-DD</c>.</summary>
    private static Input<DateOnly> Date(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        DateOnly.TryParseExact(Text(ref reader), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Input<DateOnly>.Of(date)
            : Input<DateOnly>.Invalid(InvalidDateMessage);

    /// <summary>A UUID in its canonical 8-4-4-4-12 form.</summary>
    private static Input<Guid> Uuid(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        Guid.TryParseExact(Text(ref reader), "D", out var id) ? Input<Guid>.Of(id) : Input<Guid>.Invalid(InvalidUuidMessage);

    /// <summary>A JSON <c>true</c> or <c>false</c>; nothing else (not <c>"true"</c>, not 1).</summary>
    private static Input<bool> Boolean(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        var token = reader.TokenType;
        if (token is JsonTokenType.True or JsonTokenType.False)
        {
            return Input<bool>.Of(token == JsonTokenType.True);
        }

        reader.Skip();
        return Input<bool>.Invalid(InvalidBooleanMessage);
    }

    /// <summary>A JSON array of strings. Not an array, or an item that is not a string, is invalid (the first such item's message).</summary>
    private static Input<IReadOnlyList<string>> StringList(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            var kind = KindOf(reader.TokenType);
            reader.Skip();
            return Input<IReadOnlyList<string>>.Invalid(NotAListMessage(kind));
        }

        var items = new List<string>();
        string? invalid = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var item = String(ref reader, options);
            if (item.IsPresent)
            {
                items.Add(item.Value);
            }
            else
            {
                invalid ??= item.InvalidMessage;
            }
        }

        return invalid is null ? Input<IReadOnlyList<string>>.Of(items) : Input<IReadOnlyList<string>>.Invalid(invalid);
    }

    /// <summary>
    /// A JSON object whose values are strings or <c>null</c> (<c>metadata</c>, §10), keys as sent (a repeated key: the last
    /// value). Not an object, a value of another kind, or a key or value that is no text is invalid
    /// (<see cref="FieldErrorCodes.InvalidStringMapMessage"/>); the whole object is consumed either way.
    /// </summary>
    private static Input<IReadOnlyDictionary<string, string?>> StringMap(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return Input<IReadOnlyDictionary<string, string?>>.Invalid(InvalidStringMapMessage);
        }

        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        var valid = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = KeyText(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                valid &= key is not null && !key.Contains('\0');
                if (key is not null)
                {
                    map[key] = null;
                }

                continue;
            }

            var value = String(ref reader, options);
            valid &= key is not null && !key.Contains('\0') && value.IsPresent;
            if (key is not null && value.IsPresent)
            {
                map[key] = value.Value;
            }
        }

        return valid ? Input<IReadOnlyDictionary<string, string?>>.Of(map) : Input<IReadOnlyDictionary<string, string?>>.Invalid(InvalidStringMapMessage);
    }

    /// <summary>The text of a property name, or null when it is no text (as <see cref="Text"/>); the reader stays on it.</summary>
    private static string? KeyText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>An object (a batch item) read as <typeparamref name="T"/>; any other kind, <c>null</c> too, is invalid.</summary>
    private static Input<T> Object<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = KindOf(reader.TokenType);
            reader.Skip();
            return Input<T>.Invalid(NotAnObjectMessage(kind));
        }

        return Input<T>.Of(JsonSerializer.Deserialize<T>(ref reader, options)!);
    }

    /// <summary>
    /// The text of a JSON string, or null when the value is no string or no text: an escaped lone surrogate
    /// (<c>"\ud800"</c>) or invalid UTF-8 is valid JSON to the reader but no Unicode text, and
    /// <see cref="Utf8JsonReader.GetString"/> throws on it. Such a value is a field error, never a 500.
    /// </summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private delegate Input<T> ValueReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <param name="read">Reads a value that is not <c>null</c>.</param>
    /// <param name="nullIsAState">Whether <c>null</c> is <see cref="Input{T}.Null"/> (a member) or goes to <paramref name="read"/> (a batch item).</param>
    private sealed class Converter<T>(ValueReader<T> read, bool nullIsAState = true) : JsonConverter<Input<T>>
    {
        /// <summary><c>null</c> reaches <see cref="Read"/>: it is a state of its own, not a missing member.</summary>
        public override bool HandleNull => true;

        public override Input<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null && nullIsAState ? Input<T>.Null : read(ref reader, options);

        public override void Write(Utf8JsonWriter writer, Input<T> value, JsonSerializerOptions options)
        {
            if (value.IsPresent)
            {
                JsonSerializer.Serialize(writer, value.Value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
