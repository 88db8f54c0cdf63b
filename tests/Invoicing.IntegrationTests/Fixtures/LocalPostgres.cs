using System.Diagnostics;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL server from the server binaries on this machine: initdb + pg_ctl in a temp dir on a free
/// loopback port, trust authentication, as the postgres OS user when running as root.
/// </summary>
public sealed class LocalPostgres : ServerHost
{
    private readonly string _binaries;
    private readonly string _directory;
    private readonly int _port;

    private LocalPostgres(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        _port = port;
    }

    public override string Description => $"the server binaries in {_binaries}";

    public override string AdminConnectionString => $"Host={Containers.Loopback};Port={_port};Username=postgres;Database=postgres";

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>The directory of initdb and pg_ctl (on PATH, else the newest /usr/lib/postgresql/*/bin), or null.</summary>
    public static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>Makes and starts a server from the binaries in <paramref name="binaries"/>.</summary>
    public static async Task<LocalPostgres> StartAsync(string binaries)
    {
        var directory = Directory.CreateTempSubdirectory("invoicing-pg-").FullName;
        var server = new LocalPostgres(binaries, directory, ContainerHost.FreePort());
        try
        {
            if (AsRoot)
            {
                await RunAsync("chown", $"postgres:postgres {directory}", asPostgres: false);
            }

            await RunAsync(Path.Combine(binaries, "initdb"), $"-D {directory}/data -U postgres -A trust -E UTF8 --no-locale --no-sync", AsRoot);
            await server.StartAsync();
            return server;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public override Task StartAsync() => RunAsync(
        Path.Combine(_binaries, "pg_ctl"),
        $"-D {_directory}/data -l {_directory}/log -w -t 30 -o \"-p {_port} -k {_directory} -c listen_addresses={Containers.Loopback} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500\" start",
        AsRoot);

    public override Task StopAsync(string mode) =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {_directory}/data -m {mode} -w stop", AsRoot);

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // already stopped (a test stopped it and failed before starting it again)
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
