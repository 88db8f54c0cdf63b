using Invoicing.Domain.Common;

namespace Invoicing.Domain.Webhooks;

/// <summary>
/// A URL that receives the events of its environment whose type it enabled (§9), unless it is disabled. Its signing
/// secret is kept only in protected (encrypted) form; the plain secret is shown once, when the endpoint is created or
/// its secret is rolled (docs/decisions/0036).
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

    /// <summary>A disabled endpoint gets no deliveries: none are made for it, and those it was owed were canceled when it was disabled.</summary>
    public bool Disabled { get; private set; }

    public static WebhookEndpoint Create(string url, IReadOnlyList<string> enabledEvents, string protectedSecret, DateTimeOffset now, IReadOnlyDictionary<string, string?>? metadata = null) =>
        new(Uuid7.Next(now), CheckUrl(url), CheckEvents(enabledEvents), protectedSecret, Common.Metadata.Of(metadata), now);

    public void ChangeUrl(string url) => Url = CheckUrl(url);

    /// <summary>Replaces the enabled event types (persistence stores it only when the list differs).</summary>
    public void EnableEvents(IReadOnlyList<string> enabledEvents) => EnabledEvents = CheckEvents(enabledEvents);

    /// <summary>Merges metadata changes (§10): a <c>null</c> or <c>""</c> value removes its key, every other key is set.</summary>
    public void MergeMetadata(IReadOnlyDictionary<string, string?> changes) => Metadata = Common.Metadata.Merge(Metadata, changes);

    /// <summary>Disables or enables the endpoint; true when that changed it (from enabled to disabled or back).</summary>
    public bool SetDisabled(bool disabled)
    {
        var changed = Disabled != disabled;
        Disabled = disabled;
        return changed;
    }

    /// <summary>Replaces the signing secret: every delivery sent from now on is signed with the new one.</summary>
    public void RollSecret(string protectedSecret) => ProtectedSecret = protectedSecret;

    private static string CheckUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url.Length <= UrlMaxLength
            ? url
            : throw new DomainException("A webhook endpoint needs an absolute http(s) URL of at most 2048 characters.");

    private static string[] CheckEvents(IReadOnlyList<string> enabledEvents) =>
        enabledEvents.Count == 0 || enabledEvents.Any(string.IsNullOrWhiteSpace)
            ? throw new DomainException("A webhook endpoint needs at least one event type.")
            : [.. enabledEvents.Distinct(StringComparer.Ordinal)];

    public bool Receives(string eventType) => Receives(EnabledEvents, eventType);

    /// <summary>Whether an endpoint with these enabled types receives events of <paramref name="eventType"/>.</summary>
    public static bool Receives(IReadOnlyList<string> enabledEvents, string eventType) =>
        enabledEvents.Contains(AllEvents) || enabledEvents.Contains(eventType);
}
