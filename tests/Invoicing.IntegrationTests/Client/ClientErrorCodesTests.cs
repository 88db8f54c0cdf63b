using System.Reflection;
using Invoicing.Client;
using Invoicing.Web.Errors;

namespace Invoicing.IntegrationTests.Client;

/// <summary>The client's copy of the error codes is the server's catalog: a code added to one and not the other fails here.</summary>
public sealed class ClientErrorCodesTests
{
    [Fact]
    public void The_clients_error_codes_are_exactly_the_servers_catalog()
    {
        var client = typeof(InvoicingErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        client.ShouldBe(ApiErrors.Catalog.Keys.Order(StringComparer.Ordinal));
    }
}
