using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// Empties the connection pool when a connection to PostgreSQL or SQL Server is lost (the server stopped, restarted or
/// the network failed). The pool hands out idle connections without checking them, so after a restart each pooled
/// connection to the old server would fail one request in turn; once one loss is seen, they are all dropped and
/// the next requests open new connections (docs/decisions/0025). Stateless: one instance serves every context.
/// </summary>
internal sealed class ConnectionLossInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly ConnectionLossInterceptor Instance = new();

    private ConnectionLossInterceptor()
    {
    }

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolIfLost(connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => ClearPoolIfLost(connection, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolIfLost(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolIfLost(command.Connection, eventData.Exception);

    /// <summary>
    /// A connection-level failure: no answer from the server at all (an I/O error, a timeout, a refused connection),
    /// or the server saying it is going away or not there yet (SQLSTATE class 08 and 57P01–57P03). An ordinary
    /// error answer (a constraint, a deadlock) leaves the connection usable and the pool alone. On SQL Server: a fatal
    /// error (severity 20 and above) or no answer (<see cref="SqlServerErrors.IsConnectionLoss"/>).
    /// </summary>
    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PostgresException e => e.SqlState.StartsWith("08", StringComparison.Ordinal) || e.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        SqlException e => SqlServerErrors.IsConnectionLoss(e),
        _ => exception.InnerException is { } inner && IsConnectionLoss(inner),
    };

    private static void ClearPoolIfLost(DbConnection? connection, Exception exception)
    {
        switch (connection)
        {
            case NpgsqlConnection npgsql when IsConnectionLoss(exception):
                NpgsqlConnection.ClearPool(npgsql);
                break;
            case SqlConnection sqlServer when IsConnectionLoss(exception):
                SqlConnection.ClearPool(sqlServer);
                break;
        }
    }
}
