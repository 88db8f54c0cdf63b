using Invoicing.Application.Common.Errors;

namespace Invoicing.Application.Common.Exceptions;

/// <summary>The request is well formed but the state of what it names does not allow it: 409 with a code of <see cref="ErrorCodes"/>.</summary>
public sealed class ConflictException(string code, string detail) : Exception(detail)
{
    /// <summary>A code of <see cref="ErrorCodes"/> answered with 409.</summary>
    public string Code { get; } = code;

    public static ConflictException WebhookEndpointDisabled() =>
        new(ErrorCodes.WebhookEndpointDisabled, "The webhook endpoint is disabled; enable it before re-sending events to it.");

    public static ConflictException EventTypeNotEnabled(string type) =>
        new(ErrorCodes.EventTypeNotEnabled, $"The webhook endpoint does not receive events of type {type}; add it to its enabled_events first.");
}
