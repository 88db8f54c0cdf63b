using System.Collections.Immutable;
using System.Security.Cryptography;
using DotNet.Testcontainers.Networks;
using Testcontainers.PostgreSql;

namespace Invoicing.Testcontainers;

/// <summary>
/// Builds an <see cref="InvoicingContainer"/>: PostgreSQL and the Invoicing service on a Docker network of their own,
/// with a test key and a live key. Immutable, as Testcontainers' builders are: every <c>With…</c> returns a new builder.
/// <code>
/// await using var invoicing = new InvoicingBuilder().Build();
/// await invoicing.StartAsync();
/// var counterparty = await invoicing.TestClient.Counterparties.CreateAsync(new() { Name = "Acme" });
/// </code>
/// </summary>
public sealed class InvoicingBuilder
{
    /// <summary>The service's image unless <see cref="WithImage"/> names another: the name the project's README builds it under.</summary>
    public const string DefaultImage = "invoicing-api";

#pragma warning disable CS0618 // Testcontainers' own default PostgreSQL image: obsolete in 4.17 in favour of naming one, which this builder does.
    /// <summary>PostgreSQL's image unless <see cref="WithPostgreSqlImage"/> names another: Testcontainers.PostgreSql's own default.</summary>
    public const string DefaultPostgreSqlImage = PostgreSqlBuilder.PostgreSqlImage;
#pragma warning restore CS0618

    /// <summary>The port the service listens on inside its container (the image's <c>ASPNETCORE_HTTP_PORTS</c>).</summary>
    public const ushort InvoicingPort = 8080;

    /// <summary>How long <see cref="InvoicingContainer.StartAsync"/> waits for both containers unless <see cref="WithStartupTimeout"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultStartupTimeout = TimeSpan.FromMinutes(2);

    private const string Base62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private readonly InvoicingConfiguration _configuration;

    /// <summary>A builder for <see cref="DefaultImage"/>.</summary>
    public InvoicingBuilder()
        : this(DefaultImage)
    {
    }

    /// <summary>A builder for the service's image <paramref name="image"/> (for example <c>registry.example/invoicing-api:1.4</c>).</summary>
    public InvoicingBuilder(string image)
        : this(new InvoicingConfiguration(
            Image: NotBlank(image),
            PostgreSqlImage: DefaultPostgreSqlImage,
            Network: null,
            TestKey: null,
            LiveKey: null,
            AllowPrivateWebhookUrls: true,
            Environment: ImmutableDictionary<string, string>.Empty,
            Labels: ImmutableDictionary<string, string>.Empty,
            StartupTimeout: DefaultStartupTimeout))
    {
    }

    private InvoicingBuilder(InvoicingConfiguration configuration) => _configuration = configuration;

    /// <summary>The service's image.</summary>
    public InvoicingBuilder WithImage(string image) => new(_configuration with { Image = NotBlank(image) });

    /// <summary>PostgreSQL's image: any image that honours the official image's <c>POSTGRES_USER</c>, <c>POSTGRES_PASSWORD</c> and <c>POSTGRES_DB</c>.</summary>
    public InvoicingBuilder WithPostgreSqlImage(string image) => new(_configuration with { PostgreSqlImage = NotBlank(image) });

    /// <summary>
    /// Joins a network you created (for example one your own containers are on) instead of creating one. It is created
    /// when it does not exist yet, and is left in place on dispose: it is yours to remove.
    /// </summary>
    public InvoicingBuilder WithNetwork(INetwork network) => new(_configuration with { Network = network ?? throw new ArgumentNullException(nameof(network)) });

    /// <summary>The test key the service stores at start (<c>sk_test_</c> and 32–128 base62 characters); a random one by default.</summary>
    public InvoicingBuilder WithTestKey(string key) => new(_configuration with { TestKey = Key(key, "sk_test_", nameof(key)) });

    /// <summary>The live key the service stores at start (<c>sk_live_</c> and 32–128 base62 characters); a random one by default.</summary>
    public InvoicingBuilder WithLiveKey(string key) => new(_configuration with { LiveKey = Key(key, "sk_live_", nameof(key)) });

    /// <summary>
    /// Whether webhook endpoints may have URLs on loopback and private ranges (<c>Webhooks__AllowPrivateUrls</c>). On by
    /// default, because a receiver your test runs is on such an address (see <see cref="InvoicingContainer.HostAddress"/>);
    /// turn it off to see the service refuse them as it does in production.
    /// </summary>
    public InvoicingBuilder WithPrivateWebhookUrls(bool allowed) => new(_configuration with { AllowPrivateWebhookUrls = allowed });

    /// <summary>
    /// Sets an environment variable of the service's container, after (so over) the builder's own: any setting of the
    /// README's Configuration section, for example <c>RateLimits__Test__PermitsPerSecond</c> or <c>Webhooks__RetryBaseDelay</c>.
    /// </summary>
    public InvoicingBuilder WithEnvironment(string name, string value) =>
        new(_configuration with { Environment = _configuration.Environment.SetItem(NotBlank(name), value ?? throw new ArgumentNullException(nameof(value))) });

    /// <summary>Sets several environment variables of the service's container, as <see cref="WithEnvironment(string, string)"/>.</summary>
    public InvoicingBuilder WithEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Aggregate(this, (builder, variable) => builder.WithEnvironment(variable.Key, variable.Value));
    }

    /// <summary>A label on every container and network it creates (to find or sweep them).</summary>
    public InvoicingBuilder WithLabel(string name, string value) =>
        new(_configuration with { Labels = _configuration.Labels.SetItem(NotBlank(name), value ?? throw new ArgumentNullException(nameof(value))) });

    /// <summary>How long starting may take, both containers together (a first pull of an image included).</summary>
    public InvoicingBuilder WithStartupTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        return new(_configuration with { StartupTimeout = timeout });
    }

    /// <summary>The containers (not started yet): call <see cref="InvoicingContainer.StartAsync"/>, and dispose it when done.</summary>
    public InvoicingContainer Build() => new(_configuration with
    {
        TestKey = _configuration.TestKey ?? NewKey("sk_test_"),
        LiveKey = _configuration.LiveKey ?? NewKey("sk_live_"),
    });

    private static string NewKey(string prefix) => prefix + RandomNumberGenerator.GetString(Base62, 40);

    /// <summary>Only the environment is checked here; the service checks the rest as it starts (and says what is wrong).</summary>
    private static string Key(string key, string prefix, string parameter) =>
        key is not null && key.StartsWith(prefix, StringComparison.Ordinal)
            ? key
            : throw new ArgumentException($"The key must start with {prefix}.", parameter);

    private static string NotBlank(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        return value;
    }
}

/// <summary>What <see cref="InvoicingBuilder"/> collected; keys are set by <see cref="InvoicingBuilder.Build"/>.</summary>
internal sealed record InvoicingConfiguration(
    string Image,
    string PostgreSqlImage,
    INetwork? Network,
    string? TestKey,
    string? LiveKey,
    bool AllowPrivateWebhookUrls,
    ImmutableDictionary<string, string> Environment,
    ImmutableDictionary<string, string> Labels,
    TimeSpan StartupTimeout);
