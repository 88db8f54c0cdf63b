using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Invoicing.IntegrationTests.Fixtures.PostgresServer))]

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// One throwaway PostgreSQL server for the whole test run (initdb + pg_ctl in a temp dir on a free
/// port; as the postgres OS user when running as root). Each test class gets its own database.
/// Without the server binaries the PostgreSQL tests skip, except with CI=true, where they must run.
/// </summary>
public sealed class PostgresServer : IDatabaseServer, IAsyncLifetime
{
    private string? _directory;
    private string? _binaries;
    private int _port;

    public string Provider => "Postgres";

    /// <summary>Why the server is not running, or null when it is.</summary>
    public string? UnavailableReason { get; private set; }

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        _binaries = Environment.GetEnvironmentVariable("INVOICING_TESTS_POSTGRES") == "off" ? null : FindBinaries();
        if (_binaries is null)
        {
            UnavailableReason = "PostgreSQL suite skipped: the server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin (or INVOICING_TESTS_POSTGRES=off). Install postgresql-15 to run it; with CI=true it is mandatory.";
            if (Required)
            {
                throw new InvalidOperationException("CI=true: " + UnavailableReason);
            }

            return;
        }

        _directory = Directory.CreateTempSubdirectory("invoicing-pg-").FullName;
        _port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {_directory}", asPostgres: false);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), $"-D {_directory}/data -U postgres -A trust -E UTF8 --no-locale --no-sync", asRoot);
        await StartAsync();
    }

    /// <summary>
    /// Starts the server (again) on its port. Only for a server of a test's own (<c>new PostgresServer()</c>): never
    /// stop or start the shared fixture's.
    /// </summary>
    public Task StartAsync() => RunAsync(
        Path.Combine(_binaries!, "pg_ctl"),
        $"-D {_directory}/data -l {_directory}/log -w -t 30 -o \"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start",
        Environment.UserName == "root");

    /// <summary>Stops the server: <c>immediate</c> kills it as a crash would, <c>fast</c> rolls back and closes every session first.</summary>
    public Task StopAsync(string mode = "immediate") =>
        RunAsync(Path.Combine(_binaries!, "pg_ctl"), $"-D {_directory}/data -m {mode} -w stop", Environment.UserName == "root");

    public async ValueTask DisposeAsync()
    {
        if (_directory is null || _binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {_directory}/data -m immediate -w stop", Environment.UserName == "root");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Include Error Detail=false";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "invoicing_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
