using System.Globalization;
using System.Text.Json;
using Invoicing.Application.Common.Json;

namespace Invoicing.UnitTests.Json;

public sealed class TimestampTests
{
    [Theory]
    [InlineData("2026-11-22T10:15:00.9999999+00:00", "2026-11-22T10:15:00Z")] // whole seconds: the fraction is cut, not rounded
    [InlineData("2026-11-22T12:15:07+02:00", "2026-11-22T10:15:07Z")] // any offset is written as UTC
    [InlineData("2027-01-01T00:59:59-01:30", "2027-01-01T02:29:59Z")]
    [InlineData("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z")] // four-digit years at both ends
    [InlineData("9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59Z")]
    public void A_timestamp_is_written_in_utc_whole_seconds_as_the_contract_shows(string value, string expected)
    {
        var timestamp = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

        JsonSerializer.Serialize(timestamp, ApiJson.Options).ShouldBe($"\"{expected}\"");
        JsonSerializer.Serialize<DateTimeOffset?>(timestamp, ApiJson.Options).ShouldBe($"\"{expected}\"");
    }
}
