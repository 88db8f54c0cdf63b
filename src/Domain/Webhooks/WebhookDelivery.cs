using Invoicing.Domain.Common;

namespace Invoicing.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 1,
    Delivered = 2,
    Failed = 3,

    /// <summary>Given up without being delivered because its endpoint was disabled (docs/decisions/0036).</summary>
    Canceled = 4,
}

/// <summary>What came of one POST of a delivery (docs/decisions/0036).</summary>
public enum WebhookAttemptOutcome
{
    /// <summary>A 2xx answer within 10 seconds.</summary>
    Succeeded = 1,

    /// <summary>An answer outside 2xx (its status is the attempt's response status).</summary>
    HttpError = 2,

    /// <summary>No answer within 10 seconds.</summary>
    Timeout = 3,

    /// <summary>No connection or no readable answer: DNS, refused, reset, TLS, or a private address refused at connect.</summary>
    ConnectionError = 4,

    /// <summary>Not sent: the endpoint's secret could not be decrypted with the configured key.</summary>
    SecretUnreadable = 5,
}

/// <summary>
/// One event owed to one endpoint, made by the worker's fan-out (docs/decisions/0020) or by a re-send
/// (docs/decisions/0036). While <see cref="Status"/> is pending, <see cref="NextAttemptAt"/> is when it is due; a worker
/// that claims it moves that time forward by a short lease and stamps it with its <see cref="ClaimToken"/>, and renews
/// the lease while it is sending, so no other worker takes it while it is being sent (docs/decisions/0017 and 0042). Not environment-scoped, because the worker serves every environment: use cases reach
/// deliveries only through an endpoint they found in their own environment.
/// </summary>
public sealed class WebhookDelivery
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

    /// <summary>
    /// The claim that holds it: set by a worker's claim (a new value per pass), cleared when that worker records the
    /// attempt; null while nobody holds it. A worker renews and completes only rows that still carry its token, so a
    /// delivery taken over after its lease lapsed is never completed by its old holder (docs/decisions/0042).
    /// </summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>UTC. The event's time for a fan-out, the request's for a re-send: the retry horizon counts from here.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>UTC. When it was delivered, given up or canceled; null while pending.</summary>
    public DateTime? CompletedAt { get; private set; }

    public static WebhookDelivery Create(Guid eventId, Guid webhookEndpointId, DateTime now) =>
        new(Uuid7.Next(now), eventId, webhookEndpointId, now);
}

/// <summary>
/// One POST of a delivery: what the endpoint answered (or why there was no answer), how long it took, and when the
/// next attempt was scheduled. Carries its delivery's endpoint and event ids, so that an endpoint's attempts are one
/// indexed read, newest first (docs/decisions/0036).
/// </summary>
public sealed class WebhookDeliveryAttempt
{
    public const int ResponseBodyMaxLength = 1000;
    public const int ErrorMaxLength = 200;

    private WebhookDeliveryAttempt(
        Guid id,
        Guid webhookDeliveryId,
        Guid webhookEndpointId,
        Guid eventId,
        DateTime attemptedAt,
        WebhookAttemptOutcome outcome,
        int? responseStatus,
        int durationMs,
        string? responseBody,
        string? error,
        DateTime? nextAttemptAt)
    {
        Id = id;
        WebhookDeliveryId = webhookDeliveryId;
        WebhookEndpointId = webhookEndpointId;
        EventId = eventId;
        AttemptedAt = attemptedAt;
        Outcome = outcome;
        ResponseStatus = responseStatus;
        DurationMs = durationMs;
        ResponseBody = responseBody;
        Error = error;
        NextAttemptAt = nextAttemptAt;
    }

    /// <summary>UUIDv7 of <see cref="AttemptedAt"/>, increasing in this process (<see cref="Uuid7"/>): the order of an endpoint's attempts.</summary>
    public Guid Id { get; private set; }

    public Guid WebhookDeliveryId { get; private set; }

    public Guid WebhookEndpointId { get; private set; }

    public Guid EventId { get; private set; }

    /// <summary>UTC, when the request was started.</summary>
    public DateTime AttemptedAt { get; private set; }

    public WebhookAttemptOutcome Outcome { get; private set; }

    /// <summary>The HTTP status, or null when there was no answer (timeout, refused connection, …).</summary>
    public int? ResponseStatus { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>The start of the answer's body, at most <see cref="ResponseBodyMaxLength"/> characters.</summary>
    public string? ResponseBody { get; private set; }

    /// <summary>Why there was no answer, for people.</summary>
    public string? Error { get; private set; }

    /// <summary>UTC. When the delivery is retried after this failed attempt; null after a success or the last attempt (and for attempts recorded before this was kept).</summary>
    public DateTime? NextAttemptAt { get; private set; }

    public bool Succeeded => Outcome == WebhookAttemptOutcome.Succeeded;

    public static WebhookDeliveryAttempt Record(
        Guid deliveryId, Guid endpointId, Guid eventId, DateTime attemptedAt, WebhookAttemptOutcome outcome, int? responseStatus, TimeSpan duration, string? responseBody, string? error, DateTime? nextAttemptAt) =>
        new(
            Uuid7.Next(attemptedAt),
            deliveryId,
            endpointId,
            eventId,
            attemptedAt,
            outcome,
            responseStatus,
            (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
            responseBody is null ? null : Truncate(responseBody, ResponseBodyMaxLength),
            error is null ? null : Truncate(error, ErrorMaxLength),
            nextAttemptAt);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
