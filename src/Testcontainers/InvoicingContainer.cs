using System.Net;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;
using Invoicing.Client;
using Testcontainers.PostgreSql;

namespace Invoicing.Testcontainers;

/// <summary>
/// PostgreSQL and the Invoicing service on a Docker network of their own, made by <see cref="InvoicingBuilder"/>.
/// <see cref="StartAsync"/> returns once the image's <c>HEALTHCHECK</c> (<c>GET /health/ready</c>) reports the service
/// healthy: migrations applied, both keys stored, database reachable. Dispose it to remove both containers and the
/// network it created; a start that fails part-way removes them too, and so does the end of the test process if it
/// was never disposed (Testcontainers' resource reaper cannot run everywhere).
/// </summary>
public sealed class InvoicingContainer : IAsyncDisposable
{
    private const string DatabaseName = "invoicing";
    private const string DatabaseUser = "invoicing";
    private const int LogLinesOnFailure = 20;

    private readonly TimeSpan _startupTimeout;
    private readonly bool _ownsNetwork;
    private int _disposed;
    private InvoicingClient? _testClient;
    private InvoicingClient? _liveClient;

    internal InvoicingContainer(InvoicingConfiguration configuration)
    {
        _startupTimeout = configuration.StartupTimeout;
        TestKey = configuration.TestKey!;
        LiveKey = configuration.LiveKey!;
        _ownsNetwork = configuration.Network is null;

        // Names of their own, so that several instances can share one network.
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var databaseAlias = $"invoicing-postgres-{suffix}";
        var serviceAlias = $"invoicing-{suffix}";
        var labels = configuration.Labels;
        var onLoopback = PublishOnLoopback();
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        Network = configuration.Network ?? new NetworkBuilder().WithName($"invoicing-{suffix}").WithLabel(labels).Build();

        Database = new PostgreSqlBuilder(configuration.PostgreSqlImage)
            .WithNetwork(Network)
            .WithNetworkAliases(databaseAlias)
            .WithDatabase(DatabaseName)
            .WithUsername(DatabaseUser)
            .WithPassword(password)
            .WithLabel(labels)
            .WithCreateParameterModifier(parameters => OnLoopback(parameters, onLoopback))
            .Build();

        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Invoicing"] = $"Host={databaseAlias};Port={PostgreSqlBuilder.PostgreSqlPort};Username={DatabaseUser};Password={password};Database={DatabaseName}",
            ["Webhooks__SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Webhooks__AllowPrivateUrls"] = configuration.AllowPrivateWebhookUrls ? "true" : "false",
            ["Invoicing__BootstrapKeys__0__Key"] = TestKey,
            ["Invoicing__BootstrapKeys__0__Environment"] = "test",
            ["Invoicing__BootstrapKeys__0__Name"] = "testcontainers",
            ["Invoicing__BootstrapKeys__1__Key"] = LiveKey,
            ["Invoicing__BootstrapKeys__1__Environment"] = "live",
            ["Invoicing__BootstrapKeys__1__Name"] = "testcontainers",
        };
        foreach (var (name, value) in configuration.Environment)
        {
            environment[name] = value;
        }

        Service = new ContainerBuilder(configuration.Image)
            .WithNetwork(Network)
            .WithNetworkAliases(serviceAlias)
            .WithPortBinding(InvoicingBuilder.InvoicingPort, assignRandomHostPort: true)
            .WithEnvironment(environment)
            .WithLabel(labels)
            .WithCreateParameterModifier(parameters => OnLoopback(parameters, onLoopback))
            // The image's own HEALTHCHECK: `./Invoicing.Web healthcheck` asks /health/ready inside the container.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilContainerIsHealthy())
            .Build();

        NetworkBaseAddress = new Uri($"http://{serviceAlias}:{InvoicingBuilder.InvoicingPort}/");
    }

    /// <summary>The test key (<c>sk_test_…</c>) the service stored at start.</summary>
    public string TestKey { get; }

    /// <summary>The live key (<c>sk_live_…</c>) the service stored at start.</summary>
    public string LiveKey { get; }

    /// <summary>The service's address from this machine (a published port): <c>http://127.0.0.1:&lt;port&gt;/</c>. Set by <see cref="StartAsync"/>.</summary>
    public Uri BaseAddress { get => field ?? throw NotStarted(); private set; }

    /// <summary>The service's address from other containers on <see cref="Network"/>: <c>http://invoicing-&lt;suffix&gt;:8080/</c>.</summary>
    public Uri NetworkBaseAddress { get; }

    /// <summary>
    /// This machine's address on <see cref="Network"/> (its gateway), which the service reaches over that network: bind a
    /// webhook receiver of your test here and register <c>http://{HostAddress}:{port}/…</c> as the endpoint's URL. Null
    /// when the engine reports no gateway. Set by <see cref="StartAsync"/>.
    /// </summary>
    public IPAddress? HostAddress { get; private set; }

    /// <summary>A client with <see cref="TestKey"/>, ready once <see cref="StartAsync"/> returns.</summary>
    public InvoicingClient TestClient => _testClient ?? throw NotStarted();

    /// <summary>A client with <see cref="LiveKey"/>, ready once <see cref="StartAsync"/> returns.</summary>
    public InvoicingClient LiveClient => _liveClient ?? throw NotStarted();

    /// <summary>The network both containers are on.</summary>
    public INetwork Network { get; }

    /// <summary>The service's container (its logs: <c>Service.GetLogsAsync()</c>).</summary>
    public IContainer Service { get; }

    /// <summary>PostgreSQL's container (<c>Database.GetConnectionString()</c> reaches it from this machine).</summary>
    public PostgreSqlContainer Database { get; }

    /// <summary>A client of the started service with another key or other settings (retries, timeouts).</summary>
    public InvoicingClient CreateClient(string apiKey, Action<InvoicingClientOptions>? configure = null)
    {
        var options = new InvoicingClientOptions { ApiKey = apiKey, BaseAddress = BaseAddress };
        configure?.Invoke(options);
        return new InvoicingClient(options);
    }

    /// <summary>
    /// Creates the network (unless one was given), starts PostgreSQL and the service side by side (the service waits for
    /// its database by itself), and returns once the service's health check passes. On any failure, the timeout or
    /// <paramref name="cancellationToken"/> included, it removes what it started before it throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">A container did not start or the service never became healthy; the message quotes the service's last log lines.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        AppDomain.CurrentDomain.ProcessExit += RemoveOnExit;
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(_startupTimeout);
        Exception? firstFailure = null;

        // One failing container stops the other's wait at once, rather than at the timeout.
        async Task StartOrStopAll(IContainer container)
        {
            try
            {
                await container.StartAsync(startup.Token);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstFailure, e, null);
                await startup.CancelAsync();
                throw;
            }
        }

        try
        {
            await Network.CreateAsync(startup.Token); // a no-op for a given network that exists
            HostAddress = await GatewayAsync(Network.Name, startup.Token);
            await Task.WhenAll(StartOrStopAll(Database), StartOrStopAll(Service));
            BaseAddress = new UriBuilder(Uri.UriSchemeHttp, Service.Hostname, Service.GetMappedPublicPort(InvoicingBuilder.InvoicingPort)).Uri;
            _testClient = CreateClient(TestKey);
            _liveClient = CreateClient(LiveKey);
        }
        catch (Exception e)
        {
            var cause = firstFailure ?? e;
            var log = await ServiceLogAsync();
            await DisposeAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            var why = startup.IsCancellationRequested && firstFailure is null or OperationCanceledException
                ? $"did not become healthy within {_startupTimeout}"
                : $"did not start: {cause.Message}";
            throw new InvalidOperationException($"The Invoicing service ({Service.Image.FullName}, on {Database.Image.FullName}) {why}.{log}", cause);
        }
    }

    /// <summary>Stops and removes both containers, and the network unless it was given to the builder. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= RemoveOnExit;
        try
        {
            await Service.DisposeAsync();
        }
        finally
        {
            try
            {
                await Database.DisposeAsync();
            }
            finally
            {
                if (_ownsNetwork)
                {
                    await Network.DisposeAsync();
                }
            }
        }
    }

    private static InvalidOperationException NotStarted() => new("Start the container first: await StartAsync().");

    /// <summary>
    /// Published ports listen on loopback only when the engine runs on this machine and is reached on loopback (the
    /// common case): the service, with its known keys, is then not reachable from the rest of the network. Elsewhere
    /// (a remote engine, tests inside a container) Docker's default applies.
    /// </summary>
    private static bool PublishOnLoopback()
    {
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig?.Endpoint;
        var host = TestcontainersSettings.DockerHostOverride;
        var reachedOnLoopback = string.IsNullOrEmpty(host)
            ? !File.Exists("/.dockerenv") // Testcontainers' own test for running inside a container
            : host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        return endpoint?.Scheme is "unix" or "npipe" && reachedOnLoopback;
    }

    private static void OnLoopback(Docker.DotNet.Models.CreateContainerParameters parameters, bool onLoopback)
    {
        if (!onLoopback)
        {
            return;
        }

        foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(bindings => bindings) ?? [])
        {
            binding.HostIP = IPAddress.Loopback.ToString();
        }
    }

    private static async Task<IPAddress?> GatewayAsync(string network, CancellationToken cancellationToken)
    {
        using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder().Build();
        var inspected = await docker.Networks.InspectNetworkAsync(network, cancellationToken);
        return inspected.IPAM?.Config?
            .Select(config => IPAddress.TryParse(config.Gateway, out var address) ? address : null)
            .FirstOrDefault(address => address is not null);
    }

    /// <summary>The service's last log lines, to say why it did not start (the service never logs a key); empty when there are none.</summary>
    private async Task<string> ServiceLogAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var (stdout, stderr) = await Service.GetLogsAsync(timestampsEnabled: false, ct: timeout.Token);
            var lines = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(LogLinesOnFailure).ToList();
            return lines.Count == 0 ? "" : $" The service's last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
        }
        catch (Exception)
        {
            return ""; // never created (no image, say): nothing to quote
        }
    }

    private void RemoveOnExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
