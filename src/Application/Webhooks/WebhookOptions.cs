namespace Invoicing.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (README "Events and webhooks", docs/decisions/0016 and 0017).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Accept endpoint URLs on loopback and private ranges, and deliver to them. Off by default (SSRF guard).</summary>
    public bool AllowPrivateUrls { get; set; }

    /// <summary>
    /// Base64 of 32 random bytes: an AES-256-GCM key that encrypts endpoint secrets and stored idempotent answers at rest.
    /// Kept for one key; beside <see cref="SecretKeys"/> it is the oldest key (docs/decisions/0037).
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// Several keys, each the base64 of 32 random bytes, separated by commas, newest first: the first encrypts, every one
    /// decrypts (docs/decisions/0037). One of this or <see cref="SecretKey"/> is required in Production.
    /// </summary>
    public string? SecretKeys { get; set; }

    /// <summary>Run the delivery worker in this instance.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>How long the worker sleeps when it found nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a worker's claim on the deliveries it is sending keeps other workers (instances) away. The worker renews
    /// it every third of this while a send is in flight, so a live instance never loses a delivery it is sending; an
    /// instance that dies leaves its deliveries to another one within this plus <see cref="PollInterval"/>
    /// (docs/decisions/0042).
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due deliveries one pass claims at most.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>The first retry comes after about this long; each next one after about twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after the event a delivery is retried at most; then it is marked failed.</summary>
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The entries of <see cref="SecretKeys"/>: split at commas, semicolons and white space.</summary>
    public static IReadOnlyList<string> Split(string? keys) =>
        keys?.Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries) ?? [];
}
