using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// Every log record the service writes, with its structured properties: a sink of the service's own Serilog logger
/// (registered as a service, read by <c>ReadFrom.Services</c>), so it sees what passes the configured levels.
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    // As the console shows it ({Message:lj}): strings unquoted.
    private static readonly MessageTemplateTextFormatter Text = new("{Message:lj}", CultureInfo.InvariantCulture);

    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        using var message = new StringWriter(CultureInfo.InvariantCulture);
        Text.Format(logEvent, message);
        var category = logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : "";
        var properties = logEvent.Properties.ToDictionary(p => p.Key, p => p.Value is ScalarValue scalar ? scalar.Value : p.Value.ToString());
        Records.Enqueue(new LogRecord(category, Level(logEvent.Level), message.ToString(), properties, logEvent.Exception));
    }

    private static LogLevel Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => LogLevel.Trace,
        LogEventLevel.Debug => LogLevel.Debug,
        LogEventLevel.Information => LogLevel.Information,
        LogEventLevel.Warning => LogLevel.Warning,
        LogEventLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    public sealed record LogRecord(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);
}
