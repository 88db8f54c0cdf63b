using System.Net.Sockets;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Domain.Counterparties;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// SQL Server's errors answer as PostgreSQL's do (docs/decisions/0005, 0025, 0030): a duplicate key is the same
/// <see cref="UniqueConstraintException"/> (then 400 <c>unique</c>), a deadlock victim stays a plain failure (500, as
/// PostgreSQL's 40P01), and only a server that cannot answer now is retried at start-up.
/// </summary>
public sealed class SqlServerErrorTests
{
    [Theory]
    [InlineData(2601)] // duplicate key row in a unique index
    [InlineData(2627)] // violation of a PRIMARY KEY or UNIQUE constraint
    public async Task A_duplicate_key_refused_by_SQL_Server_is_the_unique_violation_that_validation_re_checks(int number)
    {
        await using var server = new OfflineSqlServer();
        server.Respond = sql => sql.Contains("INSERT INTO [counterparties]", StringComparison.Ordinal) ? SqlExceptions.Create(number, 14) : null;
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Counterparties.Add(Counterparty.Create("Acme", null, DateTimeOffset.UtcNow));

        var refused = await Should.ThrowAsync<UniqueConstraintException>(() => db.SaveChangesAsync());

        refused.InnerException.ShouldBeOfType<DbUpdateException>().InnerException.ShouldBeOfType<Microsoft.Data.SqlClient.SqlException>().Number.ShouldBe(number);
    }

    [Theory]
    [InlineData(1205, 13)] // deadlock victim: a 500 like PostgreSQL's 40P01, nothing stored, safe to retry
    [InlineData(547, 16)] // a foreign key
    [InlineData(8152, 16)] // string or binary data would be truncated
    public async Task Other_refusals_are_not_turned_into_unique_errors(int number, byte severity)
    {
        await using var server = new OfflineSqlServer();
        server.Respond = sql => sql.Contains("INSERT INTO [counterparties]", StringComparison.Ordinal) ? SqlExceptions.Create(number, severity) : null;
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Counterparties.Add(Counterparty.Create("Acme", null, DateTimeOffset.UtcNow));

        // EF's SQL Server strategy wraps what it deems transient (the deadlock) in an InvalidOperationException; either way
        // it is no UniqueConstraintException, so it ends as a 500 with the transaction rolled back.
        var failed = await Should.ThrowAsync<Exception>(() => db.SaveChangesAsync());

        failed.ShouldNotBeOfType<UniqueConstraintException>();
        failed.GetBaseException().ShouldBeOfType<Microsoft.Data.SqlClient.SqlException>().Number.ShouldBe(number);
        DatabaseInitializer.IsUnreachable(failed).ShouldBeFalse();
        ConnectionLossInterceptor.IsConnectionLoss(failed).ShouldBeFalse();
    }

    /// <summary>What start-up meets, and whether it tries again (true) or stops for a person (false).</summary>
    private static readonly Dictionary<string, (Func<Exception> Failure, bool Retried)> StartUpFailures = new()
    {
        ["connection refused (no number, the socket's error)"] = (() => SqlExceptions.Create(0, 20, new SocketException((int)SocketError.ConnectionRefused)), true),
        ["host not found"] = (() => SqlExceptions.Create(11001, 20, new SocketException((int)SocketError.HostNotFound)), true),
        ["timeout"] = (() => SqlExceptions.Create(-2, 11), true),
        ["connection reset"] = (() => SqlExceptions.Create(10054, 20), true),
        ["shutting down"] = (() => SqlExceptions.Create(6005, 14), true),
        ["starting up (script upgrade mode)"] = (() => SqlExceptions.Create(18401, 14), true),
        ["Azure SQL: database not currently available"] = (() => SqlExceptions.Create(40613, 17), true),
        ["refused, wrapped by EF's transient-failure exception"] = (() => new InvalidOperationException("transient", SqlExceptions.Create(0, 20, new SocketException((int)SocketError.ConnectionRefused))), true),
        ["login failed: a person must fix the credentials"] = (() => SqlExceptions.Create(18456, 14), false),
        ["cannot open database: a person must create it or grant access"] = (() => SqlExceptions.Create(4060, 11), false),
        ["invalid object name: a failing statement"] = (() => SqlExceptions.Create(208, 16), false),
        ["deadlock victim"] = (() => SqlExceptions.Create(1205, 13), false),
    };

    public static TheoryData<string> StartUpSituations => [.. StartUpFailures.Keys];

    [Theory]
    [MemberData(nameof(StartUpSituations))]
    public void Start_up_tries_again_only_while_the_server_cannot_answer(string situation)
    {
        var (failure, retried) = StartUpFailures[situation];

        DatabaseInitializer.IsUnreachable(failure()).ShouldBe(retried);
    }

    [Theory]
    [InlineData(0, 20, true)] // no answer: the network
    [InlineData(10054, 20, true)] // reset by the server going away
    [InlineData(596, 21, true)] // "cannot continue the execution because the session is in the kill state"
    [InlineData(2627, 14, false)] // an ordinary error answer leaves the connection usable
    [InlineData(1205, 13, false)]
    public void Only_a_lost_connection_empties_the_pool(int number, byte severity, bool lost) =>
        ConnectionLossInterceptor.IsConnectionLoss(SqlExceptions.Create(number, severity)).ShouldBe(lost);
}
