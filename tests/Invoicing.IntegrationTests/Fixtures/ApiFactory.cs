using System.Collections.Concurrent;
using System.Data.Common;
using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Application.Common.Messaging;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Startup;
using Invoicing.Infrastructure.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Core;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// The real service in memory, on a real database of its own: started through Program, so its
/// migrations run at start as in production. Test-only pipeline steps (<see cref="Faults"/>) are
/// registered last, so they run innermost, inside the transaction. Rate limits are generous unless a
/// test passes its own <paramref name="settings"/>; <paramref name="time"/> replaces the clock.
/// </summary>
public sealed class ApiFactory(
    string provider,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    TimeProvider? time = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// Rate limits high enough that no other test ever meets a limit (rate-limit tests set their own), and no
    /// background webhook delivery: webhook tests run the worker's passes themselves (<see cref="RunWebhookPassAsync"/>).
    /// </summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Webhooks:DeliveryEnabled"] = "false",
        ["RateLimits:Test:PermitsPerSecond"] = "1000000",
        ["RateLimits:Test:Burst"] = "1000000",
        ["RateLimits:Live:PermitsPerSecond"] = "1000000",
        ["RateLimits:Live:Burst"] = "1000000",
    };

    public string Provider { get; } = provider;

    /// <summary>PostgreSQL or SQL Server: writers run side by side (SQLite has one writer at a time).</summary>
    public bool IsServer => Provider != "Sqlite";

    public Faults Faults { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public static ApiFactory Sqlite(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        new("Sqlite", $"Data Source={Path.Combine(Path.GetTempPath(), $"invoicing-test-{Guid.NewGuid():N}.db")}", settings, time);

    /// <summary>Another service instance on the same database (a restart, or a second instance beside this one).</summary>
    public ApiFactory OnSameDatabase() => new(Provider, connectionString, settings, time);

    /// <summary>Another service instance on the same database with its own clock and settings.</summary>
    public ApiFactory OnSameDatabase(TimeProvider clock, IReadOnlyDictionary<string, string?>? otherSettings = null) =>
        new(Provider, connectionString, otherSettings, clock);

    /// <summary>
    /// A client of this instance whose every answer is checked against the served OpenAPI document
    /// (<see cref="AnswerValidatingHandler"/>): an answer that does not fit fails the test that received it. The same
    /// for every other client and handler below; they hide the base class's, which do not check.
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        List<DelegatingHandler> handlers = [];
        if (options.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        }

        if (options.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    /// <summary>A client through <paramref name="handlers"/> (outermost first); the check sits innermost, next to the service.</summary>
    public new HttpClient CreateDefaultClient(params DelegatingHandler[] handlers) =>
        base.CreateDefaultClient([.. handlers, new AnswerValidatingHandler()]);

    public new HttpClient CreateDefaultClient(Uri baseAddress, params DelegatingHandler[] handlers) =>
        base.CreateDefaultClient(baseAddress, [.. handlers, new AnswerValidatingHandler()]);

    /// <summary>A handler straight to this instance (for an <see cref="HttpClient"/> made elsewhere), checked like the clients.</summary>
    public HttpMessageHandler CreateHandler() => new AnswerValidatingHandler { InnerHandler = Server.CreateHandler() };

    /// <summary>A client that authenticates with a new key of the given environment.</summary>
    public async Task<HttpClient> ClientAsync(ApiEnvironment environment = ApiEnvironment.Test)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await CreateKeyAsync(environment)).Secret);
        return client;
    }

    public async Task<CreatedApiKey> CreateKeyAsync(ApiEnvironment environment)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateApiKeyCommand(environment, "tests"));
    }

    /// <summary>One pass of this instance's webhook delivery worker; how many deliveries it attempted.</summary>
    public Task<int> RunWebhookPassAsync() =>
        Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>One pass that stops, recording nothing more, when <paramref name="stop"/> is canceled (as if its instance died mid-pass).</summary>
    public Task<int> RunWebhookPassUntilAsync(CancellationToken stop) =>
        Services.GetRequiredService<WebhookDispatcher>().RunOnceAsync(stop);

    /// <summary>Only the fan-out of a webhook pass (events to deliveries, docs/decisions/0020); how many events it dispatched.</summary>
    public Task<int> DispatchEventsAsync() =>
        Services.GetRequiredService<WebhookDispatcher>().DispatchEventsAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs a query straight against the database, outside any request (no environment filter applies to raw SQL).</summary>
    public async Task<T> DbAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>
    /// Starts the host and waits for its start-up database work (migrations, bootstrap keys), which runs in the
    /// background (docs/decisions/0025), so that a test starts on a migrated database.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (!host.Services.GetRequiredService<DatabaseStartup>().Outcome.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult())
        {
            // It stops the host: say why, with what it logged, rather than a disposed object later.
            var logged = Logs.Records.Where(r => r.Level >= LogLevel.Error).Select(r => $"{r.Message} {r.Exception}");
            throw new InvalidOperationException($"The service's start-up work failed: {string.Join(Environment.NewLine, logged)}");
        }

        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Invoicing", connectionString);
        foreach (var (key, value) in Defaults.Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            services.AddSingleton(Faults);
            services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FaultBehaviour<,>));
            services.AddSingleton<ILogEventSink>(Logs);
            services.ConfigureDbContext<ApplicationDbContext>(options => options.AddInterceptors(new FaultInterceptor(Faults), new CommandRecorder(Faults), new TransactionRecorder(Faults)));
        });
    }
}

/// <summary>Switches for faults injected inside a command's transaction, after its handler has run or before it runs.</summary>
public sealed class Faults
{
    /// <summary>
    /// Every command throws after its handler has stored its rows (the exception message must never reach the client); a command
    /// whose unit of work is its one save, before its handler (<see cref="FaultBehaviour{TRequest, TResponse}"/>).
    /// </summary>
    public volatile bool FailAfterHandler;

    private int _failNextCommand;

    /// <summary>Hold every command at this barrier before its handler, so concurrent commands have all validated first.</summary>
    public Barrier? BeforeHandler;

    /// <summary>Hold commands (not queries such as authentication) before their handler until the gate opens.</summary>
    public CommandGate? HoldCommands;

    /// <summary>Hold every save at this barrier, after the handler has read and changed its entities and before it writes them.</summary>
    public Barrier? BeforeSave;

    /// <summary>
    /// Awaited by every save at the start of EF's own save: on PostgreSQL after the <c>COPY</c> of a large batch has
    /// streamed its rows into the open transaction (docs/decisions/0021), on SQLite before the INSERTs. Its argument
    /// is the save's cancellation token (the request's). For faults in the middle of a write.
    /// </summary>
    public Func<CancellationToken, Task>? DuringSave;

    /// <summary>While set, the text of every SQL command EF runs is added to it (a binary <c>COPY</c> is no command).</summary>
    public ConcurrentQueue<string>? Commands;

    /// <summary>
    /// While set, the isolation level of every transaction begun is added to it: the unit of work's, and EF's own around
    /// a save that needs one (not PostgreSQL's implicit transaction of one batch, docs/decisions/0048).
    /// </summary>
    public ConcurrentQueue<string>? Transactions;

    /// <summary>
    /// Like <see cref="FailAfterHandler"/>, but once: the next command whose handler completes throws after it has
    /// stored its rows (so its transaction rolls back and the answer is a 500; a command whose unit is its one save
    /// throws before its handler instead); later requests run normally.
    /// </summary>
    public void FailNextCommandOnce() => Interlocked.Exchange(ref _failNextCommand, 1);

    internal bool TakeNextCommandFailure() => Interlocked.Exchange(ref _failNextCommand, 0) == 1;
}

internal sealed class FaultInterceptor(Faults faults) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        faults.BeforeSave?.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken);
        return faults.DuringSave is { } during ? AwaitAsync(during, result, cancellationToken) : base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static async ValueTask<InterceptionResult<int>> AwaitAsync(Func<CancellationToken, Task> during, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        await during(cancellationToken);
        return result;
    }
}

internal sealed class CommandRecorder(Faults faults) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        faults.Commands?.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        faults.Commands?.Enqueue(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

internal sealed class TransactionRecorder(Faults faults) : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        faults.Transactions?.Enqueue(result.IsolationLevel.ToString());
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        faults.Transactions?.Enqueue(result.IsolationLevel.ToString());
        return ValueTask.FromResult(result);
    }
}

/// <summary>A gate that commands wait at (for at most 10 s) until a test opens it.</summary>
public sealed class CommandGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiting;

    /// <summary>How many commands have reached the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Open() => _open.TrySetResult();

    internal Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        return _open.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }
}

internal sealed class FaultBehaviour<TRequest, TResponse>(Faults faults, ApplicationDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public const string SecretMessage = "injected failure with a secret: sk_test_do_not_leak";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        faults.BeforeHandler?.SignalAndWait(TimeSpan.FromSeconds(10), cancellationToken);
        if (request is ICommand<TResponse> && faults.HoldCommands is { } gate)
        {
            await gate.PassAsync(cancellationToken);
        }

        // A command whose unit of work is its one save (no transaction open: docs/decisions/0048) has no moment between
        // storing its rows and their counting, so its fault comes where its unit begins. A save that the database refuses
        // midway is InvoiceTests' to show.
        var unitIsTheSave = request is ISingleSaveCommand<TResponse> && db.Database.CurrentTransaction is null;
        if (unitIsTheSave && Fails(request))
        {
            throw new InvalidOperationException(SecretMessage);
        }

        var response = await next();
        return !unitIsTheSave && Fails(request) ? throw new InvalidOperationException(SecretMessage) : response;
    }

    // Commands only: a query's fault (the key's authentication is one) would fail the request before its command ran.
    private bool Fails(TRequest request) => request is ICommand<TResponse> && (faults.FailAfterHandler | faults.TakeNextCommandFailure());
}
