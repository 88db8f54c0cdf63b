using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Invoicing.Bench;

/// <summary>
/// A PostgreSQL server of its own (initdb + pg_ctl in a temp directory on a free port, as the postgres
/// OS user when running as root), the same way the integration tests start theirs (STACK.md).
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _binaries;
    private readonly string _directory;
    private readonly bool _asRoot = Environment.UserName == "root";

    private ThrowawayPostgres(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException("initdb/pg_ctl not found on PATH or under /usr/lib/postgresql/*/bin.");
        var directory = Directory.CreateTempSubdirectory("invoicing-bench-pg-").FullName;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new ThrowawayPostgres(binaries, directory, port);
        if (server._asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {directory}", asPostgres: false);
        }

        await server.RunPgAsync("initdb", $"-D {directory}/data -U postgres -A trust -E UTF8 --no-locale --no-sync");
        await server.RunPgAsync(
            "pg_ctl",
            $"-D {directory}/data -l {directory}/log -w -t 60 -o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c max_wal_size=4GB\" start");
        return server;
    }

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunPgAsync("pg_ctl", $"-D {_directory}/data -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task RunPgAsync(string tool, string arguments) => RunAsync(Path.Combine(_binaries, tool), arguments, _asRoot);

    private static string? FindBinaries() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : [])
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}") : new ProcessStartInfo(file, arguments);
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
