using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invoicing.Infrastructure.Startup;

/// <summary>
/// The start-up work that needs the database — migrations, the bootstrap keys, the check that every stored secret can be
/// decrypted (docs/decisions/0037), the Development first-start key — done
/// in the background while the service already answers, so that a database that is not there yet stops nothing
/// (docs/decisions/0025). An attempt that fails because the database cannot be reached is logged in one line and
/// tried again after a growing pause (<see cref="FirstRetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>).
/// Anything else (a bootstrap key clashing with a stored key, wrong credentials, a failing migration, a database this
/// build will not take over: docs/decisions/0028) stops the service with exit code 1, as a bad setting does. Until it
/// has completed (<see cref="DatabaseReadiness"/>), <see cref="StartupHealthCheck"/> is not healthy, and the Web host
/// answers 503 on <c>/health/ready</c> and 503 <c>service_unavailable</c> on <c>/v1</c>.
/// </summary>
public sealed class DatabaseStartup(
    IServiceProvider services,
    DatabaseReadiness readiness,
    StoredSecrets storedSecrets,
    StoredSecretsState storedSecretsState,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The process's exit code once the host stops: 1 when the start-up work failed for good.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Completes with true once the work is done, false when it failed for good or the service stopped first.</summary>
    public Task<bool> Outcome => _outcome.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (!await RunOnceAsync(stoppingToken))
                {
                    Fail();
                    return;
                }

                readiness.MarkReady();
                _outcome.TrySetResult(true);
                logger.LogInformation("Database ready after {Attempts} attempt(s): migrations applied", attempt);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (DatabaseInitializer.IsUnreachable(exception))
            {
                // One line, no stack trace: the connection string (and its password) is never part of these messages.
                logger.LogWarning(
                    "Database not reachable at start-up (attempt {Attempt}: {Reason}); trying again in {DelayMs} ms",
                    attempt,
                    DatabaseInitializer.Reason(exception),
                    (int)delay.TotalMilliseconds);
            }
            catch (UnsupportedDatabaseException exception)
            {
                logger.LogCritical("Start-up failed: {Reason}", exception.Message);
                Fail();
                return;
            }
            catch (Exception exception)
            {
                logger.LogCritical(exception, "Start-up failed: the database could not be prepared");
                Fail();
                return;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }

        _outcome.TrySetResult(false);
    }

    /// <summary>
    /// For the <c>keys</c> command, which needs the migrations before it can do anything: applies them now, once, without
    /// retrying. A database this build will not take over (docs/decisions/0028) or cannot reach is one line on
    /// <paramref name="error"/> and <c>false</c>.
    /// </summary>
    public static async Task<bool> MigrateNowAsync(IServiceProvider services, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            await DatabaseInitializer.MigrateAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), cancellationToken);
            return true;
        }
        catch (UnsupportedDatabaseException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return false;
        }
        catch (Exception exception) when (DatabaseInitializer.IsUnreachable(exception))
        {
            await error.WriteLineAsync($"The database is not reachable: {DatabaseInitializer.Reason(exception)}");
            return false;
        }
    }

    /// <summary>One attempt at the whole work (each step may be repeated: migrations, bootstrap keys and the first-start key are idempotent).</summary>
    private async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        // The stored-secrets check's queries are translated meanwhile, on another thread: that needs no database, and
        // the check after the migrations then finds EF's query pipeline warm (bench/README.md, "Issue 19: the start
        // and the tracked rows").
        var preparing = Task.Run(storedSecrets.PrepareCheck, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseInitializer.MigrateAsync(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), cancellationToken);
        }

        if (!await BootstrapKeys.EnsureAsync(services, Console.Error, cancellationToken))
        {
            return false;
        }

        // Data sealed with a webhook key that is not configured: one line, and not ready (docs/decisions/0037). The
        // service still serves /v1; a replay of such an answer is a 422 that says why, never a 500 that promises a retry.
        await preparing;
        var unreadable = await storedSecrets.FindUnreadableAsync(cancellationToken);
        storedSecretsState.Set(unreadable.MissingKeyIds);
        if (unreadable.Any)
        {
            logger.LogError(
                "Not ready: {Problem} Add the missing key(s) to Webhooks:SecretKeys and restart (docs/operations.md, rotating the webhook keys)",
                unreadable.Describe());
        }

        if (environment.IsDevelopment())
        {
            await DevelopmentKey.CreateIfFirstStartAsync(services, Console.Out);
        }

        return true;
    }

    private void Fail()
    {
        ExitCode = 1;
        _outcome.TrySetResult(false);
        lifetime.StopApplication();
    }
}
