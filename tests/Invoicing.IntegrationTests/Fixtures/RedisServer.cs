using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Invoicing.Infrastructure.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway Redis from this machine's <c>redis-server</c> (Debian's package): on a free loopback port, nothing saved
/// (<c>--save "" --appendonly no</c>), in a temp directory, killed at the end. Each test class makes its own (it starts in
/// milliseconds), so a test may stop it and start it again on the same port. Without the binary the Redis suite skips with
/// one line, and fails with CI=true (.ci/run installs it). See docs/decisions/0041.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("invoicing-redis-").FullName;
    private Process? _process;

    public RedisServer()
    {
        Binary = FindBinary();
        Port = ContainerHost.FreePort();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(); // a test host that ends without disposing leaves no server behind
    }

    /// <summary>Where <c>redis-server</c> is, or null.</summary>
    public string? Binary { get; }

    public int Port { get; }

    /// <summary>The service's <c>ConnectionStrings:Redis</c> for this server.</summary>
    public string ConnectionString => $"{Containers.Loopback}:{Port}";

    /// <summary>Why the server cannot run (the tests skip), or null.</summary>
    public string? UnavailableReason => Binary is null
        ? "Redis suite skipped: redis-server was not found on PATH (apt-get install redis-server); with CI=true it is mandatory."
        : null;

    public async ValueTask InitializeAsync()
    {
        if (Binary is null)
        {
            if (TestRun.IsCi)
            {
                throw new InvalidOperationException("CI=true: " + UnavailableReason);
            }

            TestContext.Current.SendDiagnosticMessage(UnavailableReason!);
            return;
        }

        await StartAsync();
    }

    /// <summary>Skips the calling test, with one line, when there is no redis-server.</summary>
    public void SkipWithout()
    {
        if (UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Starts the server (again), on the same port, and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Binary!)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", Containers.Loopback, "--save", "", "--appendonly", "no", "--dir", _directory, "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"redis-server did not answer on port {Port} (exit code {(_process.HasExited ? _process.ExitCode : "none yet")}).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server, as a crash or a lost network would: connections drop and nothing answers on the port.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Waits (at most 15 s) until every one of <paramref name="instances"/> has found this server answering.</summary>
    public static async Task WaitUntilReachableAsync(params ApiFactory[] instances)
    {
        var deadline = Stopwatch.StartNew();
        while (!instances.All(i => i.Services.GetRequiredService<RedisConnection>().Reachable == true))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException("The service instances did not reach Redis within 15 s.");
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private void Kill()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Append("/usr/bin")
            .Select(d => Path.Combine(d, "redis-server"))
            .FirstOrDefault(File.Exists);

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(Containers.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
