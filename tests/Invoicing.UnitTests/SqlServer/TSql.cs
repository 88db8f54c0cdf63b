using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>SQL Server's own T-SQL grammar (ScriptDom, SQL Server 2022), with quoted identifiers on as SqlClient sets them.</summary>
internal static class TSql
{
    /// <summary>Every syntax error in <paramref name="sql"/>, each as "line:column message"; empty when it parses.</summary>
    public static List<string> Errors(string sql)
    {
        using var reader = new StringReader(sql);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        return [.. errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")];
    }
}
