using Invoicing.Testcontainers;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// Invoicing.Testcontainers ships on its own, beside the client: it starts the service's image and talks to it through
/// the client, so it depends on the client and Testcontainers, never on the service's assemblies.
/// </summary>
public sealed class TestcontainersPackageTests
{
    private static readonly string[] ServiceAssemblies = ["Invoicing.Domain", "Invoicing.Application", "Invoicing.Infrastructure", "Invoicing.Web"];

    [Fact]
    public void The_module_references_the_client_and_testcontainers_and_nothing_of_the_service()
    {
        var references = Layers.ReferencesOf(Layers.Testcontainers);

        Layers.Testcontainers.GetName().Name.ShouldBe("Invoicing.Testcontainers");
        references.ShouldContain("Invoicing.Client");
        references.ShouldContain("Testcontainers");
        references.ShouldContain("Testcontainers.PostgreSql");
        references.ShouldAllBe(name => !ServiceAssemblies.Contains(name), string.Join(", ", references));
    }

    [Fact]
    public void No_service_assembly_and_not_the_client_references_the_module()
    {
        foreach (var assembly in new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.Web, Layers.Client })
        {
            Layers.ReferencesOf(assembly).ShouldNotContain("Invoicing.Testcontainers");
        }
    }

    [Theory]
    [InlineData("sk_live_0123456789abcdefghijABCDEFGHIJ01")]
    [InlineData("0123456789abcdefghijABCDEFGHIJ01")]
    [InlineData("")]
    public void A_test_key_must_be_a_test_key(string key) =>
        Should.Throw<ArgumentException>(() => new InvoicingBuilder().WithTestKey(key)).ParamName.ShouldBe("key");

    [Theory]
    [InlineData("sk_test_0123456789abcdefghijABCDEFGHIJ01")]
    [InlineData("SK_LIVE_0123456789abcdefghijABCDEFGHIJ01")]
    public void A_live_key_must_be_a_live_key(string key) =>
        Should.Throw<ArgumentException>(() => new InvoicingBuilder().WithLiveKey(key)).ParamName.ShouldBe("key");

    [Fact]
    public void The_default_images_are_the_projects_name_and_testcontainers_own_postgresql()
    {
#pragma warning disable CS0618 // Testcontainers' own default, obsolete in 4.17 in favour of naming one
        InvoicingBuilder.DefaultPostgreSqlImage.ShouldBe(global::Testcontainers.PostgreSql.PostgreSqlBuilder.PostgreSqlImage);
#pragma warning restore CS0618
        InvoicingBuilder.DefaultImage.ShouldBe("invoicing-api");
        Should.Throw<ArgumentException>(() => new InvoicingBuilder(" "));
        Should.Throw<ArgumentException>(() => new InvoicingBuilder().WithPostgreSqlImage(""));
    }
}
