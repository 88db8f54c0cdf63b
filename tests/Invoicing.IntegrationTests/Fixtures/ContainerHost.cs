using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A database server in a container that Testcontainers starts (<see cref="Containers.OnLoopback"/>: published on a
/// loopback port of its own, the same after a stop and a start, so connection strings stay valid; labelled as this
/// run's). It is removed when disposed or, if the run ends first, when the process exits; .ci/run sweeps what a killed
/// run leaves (Testcontainers' reaper cannot run everywhere).
/// </summary>
public sealed class ContainerHost : ServerHost
{
    private readonly IDatabaseContainer _container;
    private readonly string _image;

    private ContainerHost(IDatabaseContainer container, string image)
    {
        _container = container;
        _image = image;
        AppDomain.CurrentDomain.ProcessExit += RemoveOnExit;
    }

    public override string Description => $"a container of {_image}";

    public override string AdminConnectionString => _container.GetConnectionString();

    /// <summary>
    /// Starts the container that <paramref name="build"/> makes for a free loopback port; returns it, or why it could not
    /// be started (no engine, an image that cannot be pulled, a container that never became ready within <paramref name="timeout"/>).
    /// </summary>
    public static async Task<(ContainerHost? Host, string? Why)> StartAsync(string image, Func<int, IDatabaseContainer> build, TimeSpan timeout)
    {
        if (await DockerEngine.UnavailableReasonAsync() is { } noEngine)
        {
            return (null, noEngine);
        }

        var container = build(FreePort());
        try
        {
            using var cancellation = new CancellationTokenSource(timeout);
            await container.StartAsync(cancellation.Token);
            return (new ContainerHost(container, image), null);
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            return (null, $"the container of {image} did not start ({e.GetBaseException().Message.Split('\n')[0].Trim()})");
        }
    }

    public override Task StartAsync() => _container.StartAsync();

    /// <summary>
    /// <c>fast</c> is <c>docker stop</c> (the image's stop signal: SIGINT, PostgreSQL's fast shutdown); <c>immediate</c>
    /// sends PostgreSQL's immediate-shutdown signal (SIGQUIT) to the server, which is the container's process 1.
    /// </summary>
    public override async Task StopAsync(string mode)
    {
        if (mode == "immediate")
        {
            await _container.ExecAsync(["sh", "-c", "kill -QUIT 1"]);
        }

        await _container.StopAsync(); // waits for the exit (and brings Testcontainers' view of the container up to date)
    }

    public override async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= RemoveOnExit;
        await _container.DisposeAsync(); // stops and removes it, with its anonymous volumes
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RemoveOnExit(object? sender, EventArgs e) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>What every container and network a test starts carries: this run's labels, and ports published on loopback only.</summary>
public static class Containers
{
    /// <summary>The label on everything the tests start (its value says what it is); .ci/run sweeps by it.</summary>
    public const string Label = "org.invoicing.tests";

    /// <summary>The process that started it: .ci/run removes what a process that no longer runs left behind.</summary>
    public const string OwnerLabel = "org.invoicing.tests.pid";

    /// <summary>The host address the tests reach containers on: published ports listen on loopback only.</summary>
    public const string Loopback = "127.0.0.1";

    /// <summary>Labels a container or network as this run's (<paramref name="role"/>: postgres, sqlserver, …).</summary>
    public static TBuilder Labelled<TBuilder, TResource, TParameters>(this IAbstractBuilder<TBuilder, TResource, TParameters> builder, string role)
        where TBuilder : IAbstractBuilder<TBuilder, TResource, TParameters> =>
        builder.WithLabel(Label, role).WithLabel(OwnerLabel, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Publishes every bound port on 127.0.0.1 only (Docker's default is every interface of the machine).</summary>
    public static TBuilder OnLoopback<TBuilder, TContainer, TConfiguration>(this IContainerBuilder<TBuilder, TContainer, TConfiguration> builder)
        where TBuilder : IContainerBuilder<TBuilder, TContainer, TConfiguration>
        where TContainer : IContainer
        where TConfiguration : IContainerConfiguration =>
        builder.WithCreateParameterModifier(parameters =>
        {
            foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(bindings => bindings) ?? [])
            {
                binding.HostIP = Loopback;
            }
        });
}

/// <summary>
/// The Docker engine, found as Testcontainers finds it. On a local engine (the default socket, or DOCKER_HOST=unix://…)
/// two settings get defaults when unset, before Testcontainers reads them: TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
/// (ports are published on loopback; without it Testcontainers running inside a container would use the bridge's
/// gateway) and, for an engine older than Testcontainers' API version 1.44 (Debian's docker.io 20.10 answers 1.41),
/// DOCKER_API_VERSION = the engine's. A modern engine gets neither. TESTCONTAINERS_RYUK_DISABLED stays the
/// developer's choice: the fixtures remove their containers themselves, the reaper also covers a killed run.
/// </summary>
public static class DockerEngine
{
    public const string HostOverrideVariable = "TESTCONTAINERS_HOST_OVERRIDE";

    public const string ApiVersionVariable = "DOCKER_API_VERSION";

    /// <summary>The API version Testcontainers 4.17 speaks unless told otherwise.</summary>
    public static readonly Version TestcontainersApiVersion = new(1, 44);

    /// <summary>Finding no engine must not hold the run up: Testcontainers' discovery answers in about a second.</summary>
    public static readonly TimeSpan DetectionTimeout = TimeSpan.FromSeconds(10);

    private static readonly Lazy<Task<string?>> Detection = new(DetectAsync);

    /// <summary>Null when an engine answers; otherwise why not, as a clause for a skip line.</summary>
    public static Task<string?> UnavailableReasonAsync() => Detection.Value;

    /// <summary>The defaults for a local engine whose API version is <paramref name="engineApiVersion"/> (null: none answered).</summary>
    public static IReadOnlyDictionary<string, string> Defaults(Func<string, string?> environment, Version? engineApiVersion)
    {
        var defaults = new Dictionary<string, string>();
        if (engineApiVersion is null)
        {
            return defaults;
        }

        if (string.IsNullOrEmpty(environment(HostOverrideVariable)))
        {
            defaults[HostOverrideVariable] = Containers.Loopback;
        }

        if (string.IsNullOrEmpty(environment(ApiVersionVariable)) && engineApiVersion < TestcontainersApiVersion)
        {
            defaults[ApiVersionVariable] = engineApiVersion.ToString();
        }

        return defaults;
    }

    /// <summary>Runs as the test assembly loads, before anything reads Testcontainers' settings (it reads them once).</summary>
    [ModuleInitializer]
    internal static void ApplyDefaults()
    {
        foreach (var (name, value) in Defaults(Environment.GetEnvironmentVariable, LocalEngineApiVersion()))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// The API version of the engine on the local socket (GET /version), or null without one. Synchronous on purpose: it
    /// runs inside the module initializer, where a continuation on another thread that touches this assembly's types
    /// would wait for the initializer to finish.
    /// </summary>
    private static Version? LocalEngineApiVersion()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socket = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null;
        if (socket is null || !File.Exists(socket))
        {
            return null;
        }

        try
        {
            using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 2000, SendTimeout = 2000 };
            unix.Connect(new UnixDomainSocketEndPoint(socket));
            using var stream = new NetworkStream(unix);
            stream.Write("GET /version HTTP/1.0\r\nHost: docker\r\n\r\n"u8);
            using var reader = new StreamReader(stream);
            var response = reader.ReadToEnd(); // HTTP/1.0: the engine closes the connection after the body
            using var version = JsonDocument.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
            return Version.Parse(version.RootElement.GetProperty("ApiVersion").GetString()!);
        }
        catch (Exception e) when (e is IOException or SocketException or JsonException or KeyNotFoundException or FormatException or ArgumentException)
        {
            return null; // no engine answers there: Testcontainers' own discovery says so later
        }
    }

    private static async Task<string?> DetectAsync()
    {
        var discovery = Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null);
        return await Task.WhenAny(discovery, Task.Delay(DetectionTimeout)) == discovery && await discovery
            ? null
            : "no Docker engine answered (Testcontainers found none at DOCKER_HOST or the local socket)";
    }
}
