using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Hosting;

/// <summary>
/// The SQL Server suite runs, skips with one line, or fails when required (<see cref="SqlServerContainer"/>); its image is
/// Testcontainers' own default unless the environment names another.
/// </summary>
public sealed class SqlServerSuiteTests(SqlServerContainer server)
{
    private const string Image = "example/mssql:2022";

    [Fact]
    public void A_running_server_has_nothing_to_say_even_when_required() =>
        SqlServerContainer.Unavailable(null, Image, required: true).ShouldBeNull();

    [Fact]
    public void Without_an_engine_the_suite_skips_with_one_line_naming_why_and_the_image()
    {
        var line = SqlServerContainer.Unavailable("no Docker engine answered", Image, required: false)!;

        line.ShouldStartWith("SQL Server suite skipped: no Docker engine answered");
        line.ShouldContain(Image);
        line.ShouldContain("INVOICING_REQUIRE_SQLSERVER=true");
        line.ShouldNotContain('\n');
    }

    [Fact]
    public void When_required_a_server_that_cannot_run_fails_the_run_instead()
    {
        var failure = Should.Throw<InvalidOperationException>(() => SqlServerContainer.Unavailable("no Docker engine answered", Image, required: true));

        failure.Message.ShouldStartWith("INVOICING_REQUIRE_SQLSERVER=true: SQL Server suite skipped: no Docker engine answered");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_true_makes_the_suite_mandatory(string? value, bool required) =>
        SqlServerContainer.IsRequired(name => name == SqlServerContainer.RequiredVariable ? value : null).ShouldBe(required);

    [Fact]
    public void The_image_is_Testcontainers_default_unless_the_environment_names_one()
    {
        SqlServerContainer.DefaultImage.ShouldNotBeNullOrWhiteSpace();
        SqlServerContainer.Image(_ => null).ShouldBe(SqlServerContainer.DefaultImage);
        SqlServerContainer.Image(_ => string.Empty).ShouldBe(SqlServerContainer.DefaultImage);
        SqlServerContainer.Image(name => name == SqlServerContainer.ImageVariable ? Image : null).ShouldBe(Image);
    }

    [Fact]
    public void This_run_either_has_a_server_or_says_in_one_line_why_not()
    {
        if (server.UnavailableReason is { } reason)
        {
            reason.ShouldStartWith("SQL Server suite skipped: ");
            reason.ShouldNotContain('\n');
            SqlServerContainer.IsRequired(Environment.GetEnvironmentVariable).ShouldBeFalse(); // required, the run would have failed
        }
        else
        {
            server.ConnectionString("master").ShouldContain("Initial Catalog=master");
        }
    }
}
