using System.Globalization;
using Invoicing.Application.Common.Validation;
using Microsoft.Extensions.Primitives;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Web.Json;

/// <summary>
/// Reads query-string parameters into <see cref="Input{T}"/> values, as the request records' converter reads
/// body members: it never throws; a malformed value (or a parameter given more than once)
/// becomes an invalid input that the query's validator reports under the parameter's name.
/// </summary>
internal static class QueryReader
{
    public const string RepeatedMessage = "This parameter may be given only once.";

    public static Input<long> Integer(IQueryCollection query, string name) => Read(query, name, text =>
    {
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return Input<long>.Invalid(InvalidIntegerMessage);
        }

        // Beyond 64 bits: the nearest 64-bit value, so the range rule explains it (as in bodies).
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Input<long>.Of(value)
            : Input<long>.Of(text.StartsWith('-') ? long.MinValue : long.MaxValue);
    });

    public static Input<string> String(IQueryCollection query, string name) =>
        Read(query, name, text => text.Contains('\0') ? Input<string>.Invalid(NullCharacterMessage) : Input<string>.Of(text));

    /// <summary>A calendar date written exactly <c>YYYY-MM-DD</c>.</summary>
    public static Input<DateOnly> Date(IQueryCollection query, string name) => Read(query, name, text =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Input<DateOnly>.Of(date)
            : Input<DateOnly>.Invalid(InvalidDateMessage));

    /// <summary>A UUID in its canonical 8-4-4-4-12 form.</summary>
    public static Input<Guid> Uuid(IQueryCollection query, string name) => Read(query, name, text =>
        Guid.TryParseExact(text, "D", out var id) ? Input<Guid>.Of(id) : Input<Guid>.Invalid(InvalidUuidMessage));

    private static Input<T> Read<T>(IQueryCollection query, string name, Func<string, Input<T>> read)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return Input<T>.Missing;
        }

        // A repeated parameter has no one meaning.
        return values.Count == 1 ? read(values[0] ?? string.Empty) : Input<T>.Invalid(RepeatedMessage);
    }
}
