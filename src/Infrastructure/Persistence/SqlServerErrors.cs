using System.ComponentModel;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;

namespace Invoicing.Infrastructure.Persistence;

/// <summary>
/// What SQL Server's error numbers mean to the service, so that it answers them as it answers PostgreSQL's
/// (docs/decisions/0030). SqlClient's <c>IsTransient</c> is always false (SqlException does not override it), so the
/// numbers are listed here.
/// </summary>
internal static class SqlServerErrors
{
    /// <summary>"Cannot insert duplicate key row in object … with unique index …" (a unique index).</summary>
    public const int DuplicateKeyInUniqueIndex = 2601;

    /// <summary>"Violation of PRIMARY KEY / UNIQUE KEY constraint …" (a unique constraint).</summary>
    public const int UniqueConstraintViolation = 2627;

    /// <summary>"The INSERT statement conflicted with the FOREIGN KEY constraint …" (a row it refers to does not exist).</summary>
    public const int ForeignKeyConflict = 547;

    /// <summary>
    /// "Transaction … was deadlocked … and has been chosen as the deadlock victim". Deliberately not translated: like
    /// PostgreSQL's <c>40P01</c> it is a 500 <c>internal_error</c> (the server rolled the whole transaction back, so
    /// nothing was stored and a retry is safe; the .NET client retries 5xx).
    /// </summary>
    public const int DeadlockVictim = 1205;

    /// <summary>
    /// Answers from a server that is there but cannot serve right now: shutting down (6005), starting up in script
    /// upgrade mode (18401), and Azure SQL's "not currently available", "service error", "busy" and "too many
    /// operations" (40613, 40197, 40501, 49918–49920).
    /// </summary>
    private static readonly HashSet<int> NotNow = [6005, 18401, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>
    /// No answer at all: a timeout (-2), and the network errors SqlClient reports under the operating system's numbers
    /// (pipe and network name failures 2, 53, 64, 121, 233; aborted, reset, timed out, refused 10053, 10054, 10060,
    /// 10061; host not found 11001).
    /// </summary>
    private static readonly HashSet<int> NoAnswer = [-2, 2, 53, 64, 121, 233, 10053, 10054, 10060, 10061, 11001];

    /// <summary>A row was refused because a unique index or constraint already holds its key.</summary>
    public static bool IsUniqueViolation(SqlException e) => e.Number is DuplicateKeyInUniqueIndex or UniqueConstraintViolation;

    public static bool IsForeignKeyViolation(SqlException e) => e.Number is ForeignKeyConflict;

    /// <summary>
    /// The server cannot be reached now but may be soon (the start-up retries, docs/decisions/0025): no answer, or a
    /// server saying "not now". Wrong credentials (18456), a missing database (4060) or a failing statement are not.
    /// </summary>
    public static bool IsUnreachable(SqlException e) =>
        NoAnswer.Contains(e.Number) || NotNow.Contains(e.Number) || IsNetworkFailure(e.InnerException);

    /// <summary>
    /// The connection itself is gone (a fatal error, severity 20 and above, ends the session; or the network failed), so
    /// the pool's other connections to that server are suspect too (<see cref="ConnectionLossInterceptor"/>).
    /// </summary>
    public static bool IsConnectionLoss(SqlException e) => e.Class >= 20 || NoAnswer.Contains(e.Number) || IsNetworkFailure(e.InnerException);

    private static bool IsNetworkFailure(Exception? inner) => inner is SocketException or IOException or TimeoutException or Win32Exception;
}
