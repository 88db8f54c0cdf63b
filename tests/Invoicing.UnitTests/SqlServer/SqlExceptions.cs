using System.Reflection;
using Microsoft.Data.SqlClient;

namespace Invoicing.UnitTests.SqlServer;

/// <summary>
/// SqlClient's exceptions as a server (or the network) raises them. SqlException has no public constructor, so this uses
/// the factory SqlClient itself calls (internal: if a SqlClient upgrade moves it, these tests fail loudly here).
/// </summary>
internal static class SqlExceptions
{
    public static SqlException Create(int number, byte severity = 16, Exception? inner = null, string message = "server error")
    {
        var errors = (SqlErrorCollection)Activator.CreateInstance(typeof(SqlErrorCollection), nonPublic: true)!;
        var error = (SqlError)typeof(SqlError)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(int), typeof(byte), typeof(byte), typeof(string), typeof(string), typeof(string), typeof(int), typeof(Exception)])!
            .Invoke([number, (byte)1, severity, "offline", message, string.Empty, 0, inner]);
        typeof(SqlErrorCollection).GetMethod("Add", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(errors, [error]);
        return (SqlException)typeof(SqlException)
            .GetMethod("CreateException", BindingFlags.NonPublic | BindingFlags.Static, [typeof(SqlErrorCollection), typeof(string), typeof(Guid), typeof(Exception)])!
            .Invoke(null, [errors, "16.00.4135", Guid.Empty, inner])!;
    }
}
