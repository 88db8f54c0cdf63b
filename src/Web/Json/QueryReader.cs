using System.Globalization;
using System.Text.RegularExpressions;
using Invoicing.Application.Common.Validation;
using Microsoft.Extensions.Primitives;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Web.Json;

/// <summary>
/// Reads query-string parameters into <see cref="Input{T}"/> values, as the request records' converter reads
/// body members: it never throws; a malformed value (or a parameter given more than once)
/// becomes an invalid input that the query's validator reports under the parameter's name.
/// </summary>
internal static partial class QueryReader
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

    /// <summary>
    /// An RFC 3339 timestamp (§5.6 <c>date-time</c>): <c>YYYY-MM-DDThh:mm:ss</c>, an optional fraction of a second, and
    /// <c>Z</c> or a <c>±hh:mm</c> offset; <c>T</c> and <c>Z</c> in either case. Digits beyond the seventh of the fraction
    /// are dropped (.NET keeps 100 ns). A leap second (<c>:60</c>) is refused: .NET has none. A <c>+</c> sent unescaped
    /// arrives as a space and is refused too.
    /// </summary>
    public static Input<DateTimeOffset> Timestamp(IQueryCollection query, string name) => Read(query, name, text =>
        ParseRfc3339(text) is { } instant ? Input<DateTimeOffset>.Of(instant) : Input<DateTimeOffset>.Invalid(InvalidDateTimeMessage));

    /// <summary>A UUID in its canonical 8-4-4-4-12 form.</summary>
    public static Input<Guid> Uuid(IQueryCollection query, string name) => Read(query, name, text =>
        Guid.TryParseExact(text, "D", out var id) ? Input<Guid>.Of(id) : Input<Guid>.Invalid(InvalidUuidMessage));

    private static DateTimeOffset? ParseRfc3339(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return null;
        }

        int Number(string group) => int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day) = (Number("year"), Number("month"), Number("day"));
        var (hour, minute, second) = (Number("hour"), Number("minute"), Number("second"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], NumberStyles.None, CultureInfo.InvariantCulture);
        var offset = TimeSpan.Zero;
        if (match.Groups["offsetHours"].Success)
        {
            var (offsetHours, offsetMinutes) = (Number("offsetHours"), Number("offsetMinutes"));
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return null;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        }

        // Local time minus the offset is UTC; it must still be a time .NET can hold (years 1 to 9999).
        var utcTicks = new DateTime(year, month, day, hour, minute, second).Ticks + ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt](?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(?:\.(?<fraction>[0-9]+))?(?:[Zz]|(?<sign>[+-])(?<offsetHours>[0-9]{2}):(?<offsetMinutes>[0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

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
