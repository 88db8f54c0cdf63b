using System.Reflection;
using Invoicing.Application.Common.Errors;
using Invoicing.Application.Common.Validation;
using Invoicing.Client;

namespace Invoicing.UnitTests.Architecture;

/// <summary>Invoicing.Client ships on its own: it mirrors the wire contract and depends on nothing of the service.</summary>
public sealed class ClientPackageTests
{
    [Fact]
    public void The_client_references_only_the_base_library_and_microsoft_extensions()
    {
        var references = Layers.ReferencesOf(Layers.Client);

        Layers.Client.GetName().Name.ShouldBe("Invoicing.Client");
        references.ShouldContain("System.Net.Http");
        references.ShouldAllBe(name => name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_service_assembly_references_the_client()
    {
        foreach (var layer in new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.Web })
        {
            Layers.ReferencesOf(layer).ShouldNotContain("Invoicing.Client");
        }
    }

    /// <summary>The client's copy of the catalog is the service's: every code, none more, each spelled the same.</summary>
    [Fact]
    public void The_clients_error_codes_are_the_catalogs_codes()
    {
        Constants(typeof(ErrorCodes)).ShouldBe(ErrorCodes.Catalog.Keys, ignoreOrder: true);
        Constants(typeof(InvoicingErrorCodes)).ShouldBe(ErrorCodes.Catalog.Keys, ignoreOrder: true);
        Constants(typeof(InvoicingFieldErrorCodes)).ShouldBe(
            typeof(FieldErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && !f.Name.EndsWith("Message", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!),
            ignoreOrder: true);
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
