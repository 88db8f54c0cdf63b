using System.Data.Common;
using Invoicing.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Bench;

/// <summary>
/// The real service (Program: middleware, authentication, MediatR pipeline, EF Core) on the benchmark's
/// PostgreSQL, called through its HTTP pipeline in memory. Request logging is turned down to warnings.
/// </summary>
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string _connectionString;

    public BenchApp(string connectionString)
    {
        _connectionString = connectionString;

        // Serilog reads its section when the host is built; one log line per request would be measured too.
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
    }

    public CommandRecorder Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/Web");
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Invoicing", _connectionString);
        // The benchmark measures pages, not the per-key rate limit (25 requests/s for a test key by default).
        builder.UseSetting("RateLimits:Test:PermitsPerSecond", "1000000");
        builder.UseSetting("RateLimits:Test:Burst", "1000000");
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<ApplicationDbContext>(options => options.AddInterceptors(Commands)));
    }
}

/// <summary>Keeps the text and parameters of the last list query the service ran, to EXPLAIN exactly that.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    public (string Sql, (string Name, object? Value)[] Parameters)? Last { get; private set; }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
        {
            Last = (command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToArray());
        }

        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }
}
