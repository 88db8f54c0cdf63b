using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Invoicing";

    /// <summary>
    /// The database (<c>Database:Provider</c> = <c>Sqlite</c>, the default, or <c>Postgres</c>, with
    /// <c>ConnectionStrings:Invoicing</c>), the per-request environment, the readiness check, and the
    /// idempotency records with their clean-up job (<c>Idempotency</c> section, validated at start).
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

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IdempotencyPurger>();
        services.AddHostedService<IdempotencyCleanupService>();
        return services;
    }
}
