namespace Invoicing.Application.Common.Exceptions;

/// <summary>What the request names does not exist in the key's environment: 404 with a resource-specific code.</summary>
public sealed class NotFoundException(string code, string detail) : Exception(detail)
{
    public string Code { get; } = code;

    public static NotFoundException Invoice() => new("invoice_not_found", "No invoice with that id exists.");

    public static NotFoundException Counterparty() => new("counterparty_not_found", "No counterparty with that id exists.");

    public static NotFoundException Event() => new("event_not_found", "No event with that id exists.");

    public static NotFoundException WebhookEndpoint() => new("webhook_endpoint_not_found", "No webhook endpoint with that id exists.");
}
