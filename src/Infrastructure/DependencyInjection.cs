using Invoicing.Application.Common.Interfaces;
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
    /// The database (<see cref="DatabaseOptions"/>, validated at start), the per-request environment, and the
    /// readiness check.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();

        services.AddScoped<ICurrentEnvironment, CurrentEnvironment>();
        services.AddDbContext<ApplicationDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = database.IsPostgres
                ? options.UseNpgsql(database.ConnectionString)
                : options.UseSqlite(database.ConnectionString ?? DatabaseOptions.SqliteDefaultConnectionString);
        });
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);
        return services;
    }
}
