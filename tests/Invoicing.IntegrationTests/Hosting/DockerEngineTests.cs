using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// The Testcontainers settings the fixtures default for a local engine: only what that engine needs, never over what
/// the developer set (<see cref="DockerEngine"/>).
/// </summary>
public sealed class DockerEngineTests
{
    private static readonly Func<string, string?> Unset = _ => null;

    [Fact]
    public void An_engine_older_than_Testcontainers_API_gets_its_own_version_and_loopback()
    {
        var defaults = DockerEngine.Defaults(Unset, new Version(1, 41));

        defaults.ShouldBe(new Dictionary<string, string>
        {
            [DockerEngine.ApiVersionVariable] = "1.41",
            [DockerEngine.HostOverrideVariable] = "127.0.0.1",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("1.44")]
    [InlineData("1.51")]
    public void A_modern_engine_keeps_Testcontainers_API_version(string engine) =>
        DockerEngine.Defaults(Unset, Version.Parse(engine)).Keys.ShouldBe([DockerEngine.HostOverrideVariable]);

    [Fact]
    public void What_the_developer_set_stays()
    {
        var set = new Dictionary<string, string?> { [DockerEngine.ApiVersionVariable] = "1.43", [DockerEngine.HostOverrideVariable] = "docker.internal" };

        DockerEngine.Defaults(name => set.GetValueOrDefault(name), new Version(1, 41)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_local_engine_nothing_is_set() =>
        DockerEngine.Defaults(Unset, null).ShouldBeEmpty();
}
