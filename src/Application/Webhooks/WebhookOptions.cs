namespace Invoicing.Application.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section (README "Events and webhooks", docs/decisions/0016 and 0017).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Accept endpoint URLs on loopback and private ranges, and deliver to them. Off by default (SSRF guard).</summary>
    public bool AllowPrivateUrls { get; set; }

    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key that encrypts endpoint secrets at rest. Required in Production.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Run the delivery worker in this instance.</summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>How long the worker sleeps when it found nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due deliveries one pass claims at most.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>The first retry comes after about this long; each next one after about twice as long as the one before.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after the event a delivery is retried at most; then it is marked failed.</summary>
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromDays(3);
}
