using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Invoicing.Application;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure;
using Invoicing.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// The service's own Application and Infrastructure registrations with <c>Database:Provider=SqlServer</c>, where no SQL
/// Server runs: EF's interceptors keep the connection closed, hand out a transaction that does nothing, and replace each
/// command with one that records its text and answers from <see cref="Respond"/> (no rows by default). So the real
/// handlers, stores and workers run, and <see cref="Commands"/> holds exactly the SQL they would have sent.
/// </summary>
internal sealed class OfflineSqlServer : IAsyncDisposable
{
    /// <summary>Never dialled: the interceptors keep every connection closed.</summary>
    public const string ConnectionString = "Server=tcp:127.0.0.1,1;Database=invoicing_offline;User Id=sa;Password=not-used;TrustServerCertificate=true";

    private readonly ServiceProvider _services;

    public OfflineSqlServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Invoicing"] = ConnectionString,
            ["Webhooks:SecretKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "Invoicing.UnitTests" });
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.ConfigureDbContext<ApplicationDbContext>(options => options.AddInterceptors(new Interceptor(this)));
        _services = services.BuildServiceProvider();
    }

    /// <summary>The text of every command, in the order sent.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    /// <summary>What a command answers: rows (a table), or an exception to throw as the server's error. Null: no rows, one row affected.</summary>
    public Func<string, object?> Respond { get; set; } = _ => null;

    public IServiceProvider Services => _services;

    /// <summary>A scope whose requests run in <paramref name="environment"/>, as after authentication.</summary>
    public AsyncServiceScope Scope(ApiEnvironment environment = ApiEnvironment.Test)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentEnvironment>().Set(environment);
        return scope;
    }

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent (an exception it throws after sending is expected and ignored).</summary>
    public async Task<List<string>> CaptureAsync(Func<Task> action)
    {
        Commands.Clear();
        try
        {
            await action();
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            // Without rows, a lookup ends in "not found" and a create in a failed validation: the SQL was sent first.
        }

        return [.. Commands];
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private object? Answer(string sql)
    {
        Commands.Enqueue(sql);
        var answer = Respond(sql);
        return answer is Exception failure ? throw failure : answer;
    }

    private sealed class Interceptor(OfflineSqlServer server) : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
    {
        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
            InterceptionResult<DbCommand>.SuppressWithResult(new RecordingCommand(server));

        public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
            InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection, eventData.IsolationLevel));

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new NoTransaction(connection, eventData.IsolationLevel)));

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        // SqlClient sends savepoints as TDS transaction-manager requests, not as SQL text.
        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>A command that is never sent: it records its text and answers from <see cref="Respond"/>.</summary>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Nothing is executed.")]
    private sealed class RecordingCommand(OfflineSqlServer server) : DbCommand
    {
        private readonly SqlCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = string.Empty;

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => server.Answer(CommandText) is int affected ? affected : 1;

        public override object? ExecuteScalar() => server.Answer(CommandText);

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            (server.Answer(CommandText) as DataTable ?? new DataTable()).CreateDataReader();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parameters.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class NoTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel { get; } = isolationLevel;

        protected override DbConnection DbConnection { get; } = connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
