using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// The built service as a real process (<c>dotnet Invoicing.Web.dll</c> from the test output, where its
/// appsettings files are), with its own SQLite file and the given environment variables.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ServiceProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static string NewSqliteDatabase() =>
        $"Data Source={Path.Combine(Path.GetTempPath(), $"invoicing-process-{Guid.NewGuid():N}.db")}";

    /// <summary>A webhook secret key (base64 of 32 bytes) for processes started in Production, where one is required.</summary>
    public const string TestSecretKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Invoicing.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Webhooks__SecretKey"] = TestSecretKey; // required in Production; a test may override or clear it
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0"; // never the default port 5000, which parallel tests would share; --urls overrides it
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ServiceProcess(Process.Start(start)!);
    }

    /// <summary>Runs the program to its end (for start-up failures and the keys command).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var process = Start(environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the redirected streams
        return (process._process.ExitCode, process.Output, process.Error);
    }

    /// <summary>
    /// Waits until the service answers 200 on <paramref name="path"/> through <paramref name="client"/>: by default
    /// <c>/health/ready</c>, which follows the start-up database work done in the background (docs/decisions/0025);
    /// <c>/health/live</c> answers as soon as the process listens.
    /// </summary>
    public async Task WaitUntilServingAsync(HttpClient client, string path = "/health/ready")
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}: {Output}{Error}");
            }

            try
            {
                if ((await client.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service did not answer 200 on {path} within 30 s: " + Output + Error);
    }

    /// <summary>
    /// Which of <paramref name="processes"/> holds the TCP connection whose local port is <paramref name="port"/> (a
    /// request's remote port as its receiver saw it), from Linux's <c>/proc</c>: the connection's socket inode in
    /// <c>/proc/net/tcp</c> or <c>tcp6</c>, then the process with that socket among its file descriptors. Null if none (or not Linux).
    /// </summary>
    public static ServiceProcess? OwnerOfConnection(int port, params ServiceProcess[] processes)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1];
                if (int.Parse(local[(local.LastIndexOf(':') + 1)..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) == port)
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        return processes.FirstOrDefault(process =>
        {
            try
            {
                return Directory.EnumerateFileSystemEntries($"/proc/{process._process.Id}/fd").Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false; // gone, or its descriptors changed while read
            }
        });
    }

    /// <summary>Stops the service with SIGKILL (nothing of it runs after: no shutdown, no flush) and waits for its output to be complete.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
