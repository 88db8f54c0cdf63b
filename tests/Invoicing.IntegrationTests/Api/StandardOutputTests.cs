using System.Text;
using Invoicing.Web.Logging;

namespace Invoicing.IntegrationTests.Api;

/// <summary>
/// The service's standard output, when redirected, hands each log line to the system in one write, at once
/// (<see cref="StandardOutput"/>): the console's own writer split a request's JSON line into 256-byte writes.
/// </summary>
public sealed class StandardOutputTests
{
    [Fact]
    public void Each_line_is_written_whole_and_at_once()
    {
        var output = new RecordingStream();
        var writer = StandardOutput.WholeLines(output);
        var line = "{\"Timestamp\":\"2026-12-07T07:00:00.0000000+00:00\",\"Message\":\"" + new string('é', 900) + "\"}";

        writer.WriteLine(line);
        output.Writes.Count.ShouldBe(1); // nothing held back for a later flush
        writer.WriteLine("second");

        output.Writes.Select(w => Encoding.UTF8.GetString(w)).ShouldBe([line + writer.NewLine, "second" + writer.NewLine]);
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_written_in_full()
    {
        var output = new RecordingStream();
        var writer = StandardOutput.WholeLines(output);
        var line = new string('x', StandardOutput.LineBuffer * 2 + 10);

        writer.WriteLine(line);

        Encoding.UTF8.GetString([.. output.Writes.SelectMany(w => w)]).ShouldBe(line + writer.NewLine);
    }

    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count) => Writes.Add(buffer[offset..(offset + count)]);

        public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(buffer.ToArray());
    }
}
