using Invoicing.Infrastructure;
using Npgsql;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// The service prepares its PostgreSQL statements and skips the pool's reset unless the operator's connection string
/// says otherwise (docs/decisions/0045).
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void A_plain_connection_string_gets_preparation_and_no_reset_and_keeps_the_rest()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DependencyInjection.WithServiceDefaults("Host=db;Database=invoicing;Username=app;Password=s3cret;Maximum Pool Size=20"));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
        Assert.Equal(("db", "invoicing", "app", "s3cret", 20), (result.Host, result.Database, result.Username, result.Password, result.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=db;maxautoprepare=8", 8, true)]
    [InlineData("Host=db;noresetonclose=false", 64, false)]
    public void What_the_connection_string_sets_itself_is_kept(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var result = new NpgsqlConnectionStringBuilder(DependencyInjection.WithServiceDefaults(connectionString));

        Assert.Equal((maxAutoPrepare, noResetOnClose), (result.MaxAutoPrepare, result.NoResetOnClose));
    }
}
