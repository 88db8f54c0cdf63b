using Invoicing.Domain.Common;

namespace Invoicing.Domain.Webhooks;

/// <summary>
/// A URL that receives the events of its environment whose type it enabled (§9). Its signing secret is kept
/// only in protected (encrypted) form; the plain secret is shown once, when the endpoint is created.
/// </summary>
public sealed class WebhookEndpoint : EnvironmentScopedEntity
{
    public const int UrlMaxLength = 2048;
    public const string AllEvents = "*";

    private WebhookEndpoint(Guid id, string url, IReadOnlyList<string> enabledEvents, string protectedSecret, IReadOnlyDictionary<string, string> metadata, DateTimeOffset createdAt)
        : base(id)
    {
        Url = url;
        EnabledEvents = enabledEvents;
        ProtectedSecret = protectedSecret;
        Metadata = metadata;
        CreatedAt = createdAt;
    }

    public string Url { get; private set; }

    /// <summary>Event types this endpoint receives; <c>["*"]</c> for all.</summary>
    public IReadOnlyList<string> EnabledEvents { get; private set; }

    /// <summary>The signing secret, encrypted by the application's secret protector.</summary>
    public string ProtectedSecret { get; private set; }

    /// <summary>The integrator's key-value pairs (§10), sorted by key; never null.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookEndpoint Create(string url, IReadOnlyList<string> enabledEvents, string protectedSecret, DateTimeOffset now, IReadOnlyDictionary<string, string?>? metadata = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > UrlMaxLength)
        {
            throw new DomainException("A webhook endpoint needs an absolute http(s) URL of at most 2048 characters.");
        }

        if (enabledEvents.Count == 0 || enabledEvents.Any(string.IsNullOrWhiteSpace))
        {
            throw new DomainException("A webhook endpoint needs at least one event type.");
        }

        return new WebhookEndpoint(Uuid7.Next(now), url, [.. enabledEvents.Distinct(StringComparer.Ordinal)], protectedSecret, Common.Metadata.Of(metadata), now);
    }

    public bool Receives(string eventType) => Receives(EnabledEvents, eventType);

    /// <summary>Whether an endpoint with these enabled types receives events of <paramref name="eventType"/>.</summary>
    public static bool Receives(IReadOnlyList<string> enabledEvents, string eventType) =>
        enabledEvents.Contains(AllEvents) || enabledEvents.Contains(eventType);
}
