namespace Invoicing.Infrastructure.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,
}

/// <summary>
/// One event owed to one endpoint, written in the same transaction as the event (the outbox). While
/// <see cref="Status"/> is pending, <see cref="NextAttemptAt"/> is when it is due; a worker that claims it
/// moves that time forward by a lease, so no other worker takes it while it is being sent (docs/decisions/0017).
/// Internal to delivery: not environment-scoped, because the worker serves every environment.
/// </summary>
internal sealed class WebhookDelivery
{
    private WebhookDelivery(Guid id, Guid eventId, Guid webhookEndpointId, DateTime createdAt)
    {
        Id = id;
        EventId = eventId;
        WebhookEndpointId = webhookEndpointId;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = WebhookDeliveryStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public Guid WebhookEndpointId { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int AttemptCount { get; private set; }

    /// <summary>UTC. When a pending delivery is due (or, while claimed, when the claim lapses).</summary>
    public DateTime NextAttemptAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>UTC. When it was delivered or given up; null while pending.</summary>
    public DateTime? CompletedAt { get; private set; }

    public static WebhookDelivery Create(Guid eventId, Guid webhookEndpointId, DateTime now) =>
        new(Guid.CreateVersion7(now), eventId, webhookEndpointId, now);
}

/// <summary>One POST of a delivery: what the endpoint answered (or why there was no answer) and how long it took.</summary>
internal sealed class WebhookDeliveryAttempt
{
    public const int ResponseBodyMaxLength = 1000;
    public const int ErrorMaxLength = 200;

    private WebhookDeliveryAttempt(Guid id, Guid webhookDeliveryId, DateTime attemptedAt, int? responseStatus, int durationMs, string? responseBody, string? error)
    {
        Id = id;
        WebhookDeliveryId = webhookDeliveryId;
        AttemptedAt = attemptedAt;
        ResponseStatus = responseStatus;
        DurationMs = durationMs;
        ResponseBody = responseBody;
        Error = error;
    }

    public Guid Id { get; private set; }

    public Guid WebhookDeliveryId { get; private set; }

    /// <summary>UTC, when the request was started.</summary>
    public DateTime AttemptedAt { get; private set; }

    /// <summary>The HTTP status, or null when there was no answer (timeout, refused connection, …).</summary>
    public int? ResponseStatus { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>The start of the answer's body, at most <see cref="ResponseBodyMaxLength"/> characters.</summary>
    public string? ResponseBody { get; private set; }

    /// <summary>Why there was no answer, for people.</summary>
    public string? Error { get; private set; }

    public bool Succeeded => ResponseStatus is >= 200 and < 300;

    public static WebhookDeliveryAttempt Record(Guid deliveryId, DateTime attemptedAt, int? responseStatus, TimeSpan duration, string? responseBody, string? error) =>
        new(
            Guid.CreateVersion7(attemptedAt),
            deliveryId,
            attemptedAt,
            responseStatus,
            (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            responseBody is null ? null : Truncate(responseBody, ResponseBodyMaxLength),
            error is null ? null : Truncate(error, ErrorMaxLength));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
