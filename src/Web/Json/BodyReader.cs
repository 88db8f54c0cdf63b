using System.Globalization;
using System.Text.Json;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Validation;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Web.Json;

/// <summary>
/// Reads members of a JSON body into <see cref="Input{T}"/> values. It never throws for a member:
/// a wrong type becomes an invalid input whose message the validators report with every other error.
/// </summary>
internal static class BodyReader
{
    public static JsonElement RequireObject(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
            ? body
            : throw InvalidRequestException.ForBody(NotAnObjectMessage(body));

    public static string NotAnObjectMessage(JsonElement value) => $"Invalid data. Expected a dictionary, but got {TypeName(value)}.";

    /// <summary>The JSON type of a value as a client would name it: object, array, string, number, boolean or null.</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A JSON integer. An integer literal beyond 64 bits is read as the nearest 64-bit value, so the
    /// field's range rule (not a type error) explains it.
    /// </summary>
    public static Input<long> Integer(JsonElement body, string name) => Read(body, name, value =>
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return Input<long>.Invalid(InvalidIntegerMessage);
        }

        if (value.TryGetInt64(out var integer))
        {
            return Input<long>.Of(integer);
        }

        var raw = value.GetRawText();
        var digits = raw.StartsWith('-') ? raw[1..] : raw;
        return digits.All(char.IsAsciiDigit)
            ? Input<long>.Of(raw.StartsWith('-') ? long.MinValue : long.MaxValue)
            : Input<long>.Invalid(InvalidIntegerMessage);
    });

    public static Input<string> String(JsonElement body, string name) => Read(body, name, String);

    private static Input<string> String(JsonElement value) =>
        Text(value) switch
        {
            null => Input<string>.Invalid(InvalidStringMessage),
            var text when text.Contains('\0') => Input<string>.Invalid(NullCharacterMessage),
            var text => Input<string>.Of(text),
        };

    /// <summary>
    /// The text of a JSON string, or null when the value is no string or no text: an escaped lone surrogate
    /// (<c>"\ud800"</c>) is valid JSON but no Unicode text, and <see cref="JsonElement.GetString"/> throws on it.
    /// Every string member is read through here, so such a value is a field error, never a 500.
    /// </summary>
    private static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A JSON array of strings. Not an array, or an item that is not a string, is invalid.</summary>
    public static Input<IReadOnlyList<string>> StringList(JsonElement body, string name) => Read(body, name, value =>
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Input<IReadOnlyList<string>>.Invalid($"Expected a list of items but got type \"{TypeName(value)}\".");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var text = String(item);
            if (!text.IsPresent)
            {
                return Input<IReadOnlyList<string>>.Invalid(text.InvalidMessage ?? InvalidStringMessage);
            }

            items.Add(text.Value);
        }

        return Input<IReadOnlyList<string>>.Of(items);
    });

    /// <summary>A calendar date written exactly <c>YYYY-MM-DD</c>.</summary>
    public static Input<DateOnly> Date(JsonElement body, string name) => Read(body, name, value =>
        DateOnly.TryParseExact(Text(value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Input<DateOnly>.Of(date)
            : Input<DateOnly>.Invalid(InvalidDateMessage));

    /// <summary>A UUID in its canonical 8-4-4-4-12 form.</summary>
    public static Input<Guid> Uuid(JsonElement body, string name) => Read(body, name, value =>
        Guid.TryParseExact(Text(value), "D", out var id)
            ? Input<Guid>.Of(id)
            : Input<Guid>.Invalid(InvalidUuidMessage));

    private static Input<T> Read<T>(JsonElement body, string name, Func<JsonElement, Input<T>> read)
    {
        if (!TryGetMember(body, name, out var value))
        {
            return Input<T>.Missing;
        }

        return value.ValueKind == JsonValueKind.Null ? Input<T>.Null : read(value);
    }

    /// <summary>
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> (the last of repeated members wins), except that a
    /// member whose name is no text (an escaped lone surrogate, <c>{"\ud800": 1}</c>) does not make it throw: such a name
    /// cannot be one the API reads, so it is an unknown member and ignored like any other.
    /// </summary>
    private static bool TryGetMember(JsonElement body, string name, out JsonElement value)
    {
        try
        {
            return body.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            var found = false;
            value = default;
            foreach (var member in body.EnumerateObject())
            {
                if (NameIs(member, name))
                {
                    (found, value) = (true, member.Value);
                }
            }

            return found;
        }
    }

    private static bool NameIs(JsonProperty member, string name)
    {
        try
        {
            return member.NameEquals(name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
