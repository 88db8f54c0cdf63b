using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Webhooks;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Invoicing";

    /// <summary>
    /// The database (<see cref="DatabaseOptions"/>, validated at start), the per-request environment, the
    /// readiness check, the idempotency records with their clean-up job (<c>Idempotency</c> section,
    /// validated at start), and webhook delivery (<c>Webhooks</c> section, validated at start).
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();

        services.AddSingleton<DatabaseReadiness>();
        services.AddScoped<ICurrentEnvironment, CurrentEnvironment>();
        // Pooled contexts with options built once: a request rents a context instead of building one (its internal
        // services, change tracker, …), and binds it to its own environment (docs/decisions/0019, 0022).
        services.AddPooledDbContextFactory<ApplicationDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // A failed connection, command, save or transaction is logged once, by whoever handles it (the request's
            // 500, a start-up attempt, a worker's pass), not a second time by EF (docs/decisions/0025). An expected
            // failure (a unique index settling a race, a client that hung up) is then no Error line at all.
            options.ConfigureWarnings(w => w.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
            options.UseDatabase(database);
        });
        // The lease alone returns the context to the pool, once per scope: the container disposes the context under
        // each of its two services, which the context ignores while it is lent (docs/decisions/0026).
        services.AddScoped(sp => new ScopedContextLease(
            sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext(),
            sp.GetRequiredService<ICurrentEnvironment>()));
        services.AddScoped(sp => sp.GetRequiredService<ScopedContextLease>().Context);
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ScopedContextLease>().Context);
        services.AddHealthChecks().AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"]);

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IdempotencyPurger>();
        services.AddHostedService<IdempotencyCleanupService>();

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<AesGcmSecretProtector>();
        services.AddSingleton<IWebhookSecretProtector>(sp => sp.GetRequiredService<AesGcmSecretProtector>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = WebhookDispatcher.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateUrls));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }

    /// <summary>
    /// The configured provider and its migrations assembly (one per provider, docs/decisions/0028): the service's
    /// contexts and <c>dotnet ef</c>'s (each migrations project's design-time factory) are configured here alike.
    /// </summary>
    public static TBuilder UseDatabase<TBuilder>(this TBuilder options, DatabaseOptions database)
        where TBuilder : DbContextOptionsBuilder
    {
        // On the servers, a lost connection empties the pool, so the service serves again as soon as the server is back
        // (docs/decisions/0025, 0030).
        if (database.IsPostgres)
        {
            options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(database.MigrationsAssembly))
                .AddInterceptors(ConnectionLossInterceptor.Instance);
        }
        else if (database.IsSqlServer)
        {
            options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(database.MigrationsAssembly))
                .AddInterceptors(ConnectionLossInterceptor.Instance);
        }
        else
        {
            options.UseSqlite(database.ConnectionString ?? DatabaseOptions.SqliteDefaultConnectionString, o => o.MigrationsAssembly(database.MigrationsAssembly));
        }

        return options;
    }
}
