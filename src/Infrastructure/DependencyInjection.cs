using System.Data.Common;
using Invoicing.Application.ApiKeys;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Metrics;
using Invoicing.Application.Webhooks;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Persistence.CompiledModels;
using Invoicing.Infrastructure.Redis;
using Invoicing.Infrastructure.Startup;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Invoicing.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Invoicing";

    /// <summary>
    /// The database (<see cref="DatabaseOptions"/>, validated at start) with its unit of work, the per-request
    /// environment, the readiness checks, the idempotency records with their clean-up job (<c>Idempotency</c> section,
    /// validated at start), webhook delivery (<c>Webhooks</c> section, validated at start), and the start-up database
    /// work (<see cref="DatabaseStartup"/>: migrations, the bootstrap keys of <see cref="BootstrapKeyOptions"/>, validated
    /// at start, and the Development first-start key), and Redis when <c>ConnectionStrings:Redis</c> is set (shared rate
    /// limits, revocations; docs/decisions/0041).
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
        // services, change tracker, …) (docs/decisions/0019, 0022). EF's scoped lease returns it to the pool once, when
        // the scope ends, however many services handed it out (docs/decisions/0026).
        services.AddDbContextPool<ApplicationDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // A failed connection, command, save or transaction is logged once, by whoever handles it (the request's
            // 500, a start-up attempt, a worker's pass), not a second time by EF (docs/decisions/0025). An expected
            // failure (a unique index settling a race, a client that hung up) is then no Error line at all.
            // Migrate's pending-model-changes check is left to the build: PendingModelChangesTests fails CI for every
            // provider whose migrations miss a model change, and at start the check cost ~100 ms of a ~1.3 s cold start
            // (it builds the snapshot's model and compares it; bench/README.md, "Issue 19: the start").
            options.ConfigureWarnings(w => w
                .Log(
                    (RelationalEventId.ConnectionError, LogLevel.Debug),
                    (RelationalEventId.CommandError, LogLevel.Debug),
                    (RelationalEventId.TransactionError, LogLevel.Debug),
                    (CoreEventId.SaveChangesFailed, LogLevel.Debug))
                .Ignore(RelationalEventId.PendingModelChangesWarning));
            options.UseDatabase(database);
        });
        BindRentalsToTheScopesEnvironment(services);
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"])
            .AddCheck<StartupHealthCheck>(StartupHealthCheck.Name, tags: ["ready"])
            .AddCheck<StoredSecretsHealthCheck>(StoredSecretsHealthCheck.Name, tags: ["ready"]);

        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IdempotencyPurger>();
        services.AddHostedService<IdempotencyCleanupService>();

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddSingleton<AesGcmSecretProtector>();
        services.AddSingleton<IWebhookSecretProtector>(sp => sp.GetRequiredService<AesGcmSecretProtector>());
        services.AddSingleton<StoredSecrets>();
        services.AddSingleton<StoredSecretsState>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = WebhookDispatcher.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttp.CreateHandler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateUrls));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookDeliveryService>();

        // The metrics' meter factory (the host registers it too) and what their webhook gauges read (docs/decisions/0038).
        services.AddMetrics();
        services.AddSingleton<IWebhookBacklog, WebhookBacklog>();

        // Always registered; each does nothing while ConnectionStrings:Redis is unset (read when first used, so that every
        // configuration source counts).
        services.AddOptions<RedisOptions>()
            .Configure(options => options.ConnectionString = configuration.GetConnectionString(RedisOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptions.Validator>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IRedisReachability>(sp => sp.GetRequiredService<RedisConnection>());
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<IApiKeyRevocations, RedisKeyRevocations>();
        services.AddSingleton<RevocationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<RevocationListener>());

        services.AddOptions<BootstrapKeyOptions>().Bind(configuration.GetSection(BootstrapKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BootstrapKeyOptions>, BootstrapKeyOptionsValidator>();
        services.AddSingleton<DatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartup>());
        return services;
    }

    /// <summary>
    /// Binds each context rented for a scope to that scope's environment before anyone sees it, whichever service asks
    /// for it first: the query filters read it and the save stamps it (docs/decisions/0003, 0034). The rental itself
    /// stays EF's (<c>AddDbContextPool</c>'s registration), wrapped.
    /// </summary>
    private static void BindRentalsToTheScopesEnvironment(IServiceCollection services)
    {
        var rent = services.Single(d => d.ServiceType == typeof(ApplicationDbContext)).ImplementationFactory
            ?? throw new InvalidOperationException("AddDbContextPool registers the context through a factory.");
        services.Replace(ServiceDescriptor.Scoped(sp =>
        {
            var db = (ApplicationDbContext)rent(sp);
            db.UseEnvironment(sp.GetRequiredService<ICurrentEnvironment>());
            return db;
        }));
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
            options.UseNpgsql(WithServiceDefaults(database.ConnectionString), o => o.MigrationsAssembly(database.MigrationsAssembly))
                .AddInterceptors(ConnectionLossInterceptor.Instance);

            // A save of new rows only is one batch and its own transaction: no BEGIN and COMMIT around it (docs/decisions/0048).
            options.ReplaceService<IModificationCommandBatchFactory, NpgsqlInsertBatchFactory>();
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

        // The provider's model as made ahead of time, not built at the first query of every start (docs/decisions/0046).
        // `dotnet ef` still builds its design-time model from OnModelCreating, whatever model the options name.
        options.UseModel(CompiledModels.For(database));

        // Every save stamps environments, fills the outbox, writes in bulk and translates refusals (docs/decisions/0034).
        options.AddInterceptors(SaveChangesPipeline.Instance);
        return options;
    }

    /// <summary>
    /// The service's defaults for PostgreSQL connections (docs/decisions/0045), each kept only where the connection
    /// string does not set it itself. <c>Max Auto Prepare=64</c>: PostgreSQL parsed and planned every unprepared
    /// statement anew, most of a POST's database cost (bench/results/2026-12-05-issue19-profile.md); Npgsql prepares a
    /// statement once it has run a few times on a connection, and the service's statements are few and fixed.
    /// <c>No Reset On Close=true</c>: the pool's reset (seven statements once statements are prepared) ran before
    /// every request's first query; the service leaves no session state behind (no <c>SET</c>, <c>LISTEN</c> or temporary
    /// table; its one session lock is released where it is taken).
    /// </summary>
    internal static string? WithServiceDefaults(string? connectionString)
    {
        // The plain builder holds only the keys the string names (Npgsql's own answers for every keyword it knows).
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.ContainsKey("Max Auto Prepare") && !named.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!named.ContainsKey("No Reset On Close") && !named.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
