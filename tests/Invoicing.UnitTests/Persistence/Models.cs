using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// Each provider's context as <c>dotnet ef</c> makes it (its migrations project's design-time factory): offline, no
/// server. What would be sent to SQL Server is read with Microsoft's own T-SQL parser.
/// </summary>
internal static class Models
{
    public static ApplicationDbContext Sqlite() => new Migrations.Sqlite.DesignTimeContextFactory().CreateDbContext([]);

    public static ApplicationDbContext Postgres() => new Migrations.Postgres.DesignTimeContextFactory().CreateDbContext([]);

    public static ApplicationDbContext SqlServer()
    {
        var db = new Migrations.SqlServer.DesignTimeContextFactory().CreateDbContext([]);
        db.UseEnvironment(new FixedEnvironment());
        return db;
    }

    /// <summary>The T-SQL's syntax tree, or the parser's errors (line: message) as the failure.</summary>
    public static TSqlScript ParseTSql(string sql)
    {
        var script = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        errors.Select(e => $"{e.Line}: {e.Message}").ShouldBeEmpty();
        return (TSqlScript)script;
    }

    /// <summary>The parser's errors for <paramref name="sql"/> (empty when it is valid T-SQL).</summary>
    public static IList<ParseError> TSqlErrors(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors;
    }

    private sealed class FixedEnvironment : ICurrentEnvironment
    {
        public ApiEnvironment Value => ApiEnvironment.Test;

        public void Set(ApiEnvironment environment)
        {
        }
    }
}
