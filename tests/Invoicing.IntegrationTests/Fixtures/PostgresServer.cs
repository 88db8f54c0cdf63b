using System.Security.Cryptography;
using Npgsql;
using Testcontainers.PostgreSql;

[assembly: AssemblyFixture(typeof(Invoicing.IntegrationTests.Fixtures.PostgresServer))]

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>Where a PostgreSQL server runs.</summary>
public enum PostgresHosting
{
    /// <summary>A container started by Testcontainers.PostgreSql (<see cref="PostgresServer.ImageVariable"/>).</summary>
    Container,

    /// <summary>The server binaries of this machine (<see cref="LocalPostgres"/>).</summary>
    Binaries,
}

/// <summary>
/// One PostgreSQL server for the whole run (an assembly fixture), each test class on a database of its own: in a
/// container whenever a Docker engine answers, else from this machine's server binaries, else the suite skips with one
/// line (and fails with CI=true). <see cref="HostingVariable"/> narrows the choice. A test that stops its server makes
/// one of its own with <see cref="On"/>.
/// </summary>
public sealed class PostgresServer : DatabaseServer
{
    /// <summary><c>container</c> or <c>binaries</c> allows only that; <c>off</c>, neither. Unset: a container, else binaries.</summary>
    public const string HostingVariable = "INVOICING_TESTS_POSTGRES";

    public const string ImageVariable = "INVOICING_TESTS_POSTGRES_IMAGE";

    /// <summary>A first pull of the image included.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly PostgresHosting? _only;

    /// <summary>The run's server, on whatever the environment allows.</summary>
    public PostgresServer()
    {
    }

    private PostgresServer(PostgresHosting only) => _only = only;

    public override string Provider => "Postgres";

    /// <summary>Testcontainers' own default PostgreSQL image, unless <see cref="ImageVariable"/> names another.</summary>
    public static string Image(Func<string, string?> environment) =>
        environment(ImageVariable) is { Length: > 0 } image ? image : DefaultImage;

#pragma warning disable CS0618 // Testcontainers' own default image: obsolete in 4.17 in favour of naming one; we name it from here.
    public static string DefaultImage => PostgreSqlBuilder.PostgreSqlImage;
#pragma warning restore CS0618

    /// <summary>A server of a test's own (to stop and start) on <paramref name="hosting"/>, unless the environment rules it out.</summary>
    public static PostgresServer On(PostgresHosting hosting) => new(hosting);

    public override string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Host.AdminConnectionString) { Database = database, IncludeErrorDetail = false }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public override async Task<string> CreateDatabaseAsync()
    {
        var name = "invoicing_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public override async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    protected override void ClearPools() => NpgsqlConnection.ClearAllPools();

    protected override async Task<(ServerHost? Host, string? UnavailableReason)> StartHostAsync()
    {
        var setting = Environment.GetEnvironmentVariable(HostingVariable) ?? string.Empty;
        var why = new List<string>();
        foreach (var hosting in new[] { PostgresHosting.Container, PostgresHosting.Binaries }.Where(h => _only is null || _only == h))
        {
            if (setting.Length > 0 && !string.Equals(setting, hosting.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                why.Add($"{HostingVariable}={setting} rules out {Describe(hosting)}");
                continue;
            }

            var (host, failure) = hosting == PostgresHosting.Container ? await StartContainerAsync() : await StartBinariesAsync();
            if (host is not null)
            {
                if (why.Count > 0)
                {
                    TestContext.Current.SendDiagnosticMessage($"PostgreSQL suite: on {host.Description}, because {string.Join("; ", why)}");
                }

                return (host, null);
            }

            why.Add(failure!);

            // With CI=true an engine that answers must run the container: no quiet fallback to the binaries.
            if (hosting == PostgresHosting.Container && TestRun.IsCi && await DockerEngine.UnavailableReasonAsync() is null)
            {
                break;
            }
        }

        var line = $"PostgreSQL suite skipped: {string.Join("; ", why)}. Run a Docker engine or install postgresql-15 to run it; with CI=true it is mandatory.";
        return TestRun.IsCi ? throw new InvalidOperationException("CI=true: " + line) : (null, line);
    }

    private static string Describe(PostgresHosting hosting) => hosting == PostgresHosting.Container ? "a container" : "the server binaries";

    private static Task<(ContainerHost? Host, string? Why)> StartContainerAsync()
    {
        var image = Image(Environment.GetEnvironmentVariable);
        return ContainerHost.StartAsync(
            image,
            port => new PostgreSqlBuilder(image)
                .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))) // a secret of its own, which no log may show
                .WithPortBinding(port, PostgreSqlBuilder.PostgreSqlPort)
                .OnLoopback()
                .Labelled("postgres")
                .WithCommand("-c", "max_connections=500") // as the binaries' server: many service instances and parallel test classes at once
                .Build(),
            StartTimeout);
    }

    private static async Task<(ServerHost? Host, string? Why)> StartBinariesAsync() =>
        LocalPostgres.FindBinaries() is { } binaries
            ? (await LocalPostgres.StartAsync(binaries), null)
            : (null, "the server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin");
}
