using Invoicing.Application.Common.Interfaces;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Invoicing";

    /// <summary>
    /// The database (<c>Database:Provider</c> = <c>Sqlite</c>, the default, or <c>Postgres</c>, with
    /// <c>ConnectionStrings:Invoicing</c>), the per-request environment, and the readiness check.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=invoicing.db";

        services.AddScoped<ICurrentEnvironment, CurrentEnvironment>();
        services.AddDbContext<ApplicationDbContext>(options => _ = provider.ToUpperInvariant() switch
        {
            "SQLITE" => options.UseSqlite(connectionString),
            "POSTGRES" or "POSTGRESQL" => options.UseNpgsql(connectionString),
            _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'."),
        });
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }
}
