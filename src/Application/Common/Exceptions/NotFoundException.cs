using Invoicing.Application.Common.Errors;

namespace Invoicing.Application.Common.Exceptions;

/// <summary>What the request names does not exist in the key's environment: 404 with a resource-specific code.</summary>
public sealed class NotFoundException(string code, string detail) : Exception(detail)
{
    /// <summary>A code of <see cref="ErrorCodes"/> answered with 404.</summary>
    public string Code { get; } = code;

    public static NotFoundException Invoice() => new(ErrorCodes.InvoiceNotFound, "No invoice with that id exists.");

    public static NotFoundException Counterparty() => new(ErrorCodes.CounterpartyNotFound, "No counterparty with that id exists.");

    public static NotFoundException Event() => new(ErrorCodes.EventNotFound, "No event with that id exists.");

    public static NotFoundException WebhookEndpoint() => new(ErrorCodes.WebhookEndpointNotFound, "No webhook endpoint with that id exists.");
}
