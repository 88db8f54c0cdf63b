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
}
