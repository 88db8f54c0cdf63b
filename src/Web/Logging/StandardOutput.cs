using System.Text;

namespace Invoicing.Web.Logging;

/// <summary>
/// Standard output written one line per system call when it goes to a pipe or a file (a container's log, the bench's
/// file). <see cref="Console.Out"/> writes through a 256-byte buffer that it flushes whenever it fills, so the console
/// sink's JSON line of a request (about 900 bytes) took four <c>write</c> calls: four of the ~17 system calls of a GET
/// (bench/README.md, issue 19). The writer set here flushes after every write, as the console's own does, so a line
/// is out as soon as it is written; it is one call up to <see cref="LineBuffer"/> characters. A terminal keeps the
/// console's own writer (docs/decisions/0031).
/// </summary>
internal static class StandardOutput
{
    public const int LineBuffer = 16 * 1024;

    private static int _replaced;

    /// <summary>Once per process: every host of a test process shares its standard output.</summary>
    public static void WriteWholeLines()
    {
        if (Console.IsOutputRedirected && Interlocked.Exchange(ref _replaced, 1) == 0)
        {
            Console.SetOut(WholeLines(Console.OpenStandardOutput()));
        }
    }

    /// <summary>UTF-8 without a byte-order mark, flushed after every write, as the console's own writer.</summary>
    public static TextWriter WholeLines(Stream output) =>
        TextWriter.Synchronized(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), LineBuffer) { AutoFlush = true });
}
