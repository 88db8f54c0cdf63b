namespace Invoicing.UnitTests.Architecture;

public sealed class LayerDependencyTests
{
    private static readonly string[] ProjectAssemblies = ["Invoicing.Domain", "Invoicing.Application", "Invoicing.Infrastructure", "Invoicing.Web"];

    [Fact]
    public void The_assemblies_are_the_projects_assemblies() =>
        new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.Web }.Select(a => a.GetName().Name).ShouldBe(ProjectAssemblies);

    [Fact]
    public void Domain_references_no_other_project()
    {
        var references = Layers.ReferencesOf(Layers.Domain);

        references.ShouldNotBeEmpty(); // it references the runtime at least
        references.Intersect(ProjectAssemblies).ShouldBeEmpty();
    }

    [Fact]
    public void Domain_references_nothing_from_entity_framework() =>
        Layers.ReferencesOf(Layers.Domain).ShouldNotContain(name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

    [Fact]
    public void Application_references_the_domain_but_neither_infrastructure_nor_web()
    {
        var references = Layers.ReferencesOf(Layers.Application);

        references.ShouldContain("Invoicing.Domain");
        references.ShouldNotContain("Invoicing.Infrastructure");
        references.ShouldNotContain("Invoicing.Web");
    }

    [Fact]
    public void Infrastructure_references_the_application_but_not_web()
    {
        var references = Layers.ReferencesOf(Layers.Infrastructure);

        references.ShouldContain("Invoicing.Application");
        references.ShouldNotContain("Invoicing.Web");
    }
}
