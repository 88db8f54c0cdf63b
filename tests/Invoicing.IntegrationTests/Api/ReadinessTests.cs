using System.Net;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Invoicing.IntegrationTests.Api;

/// <summary>/health/ready follows the database: 503 in the envelope once it is gone, logged at Error, while /health/live stays up.</summary>
public sealed class ReadinessTests(PostgresServer server)
{
    [Fact]
    public async Task Ready_answers_service_unavailable_when_the_database_is_gone()
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var connectionString = await server.CreateDatabaseAsync();
        await using var factory = new ApiFactory("Postgres", connectionString);
        var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await (await client.GetAsync("/health/ready")).ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A database lost after the start is an error in the log (a service still starting is not: UnreachableDatabaseAtStartupTests).
        factory.Logs.Records.ShouldContain(r => r.Level == LogLevel.Error && Equals(r.Properties.GetValueOrDefault("HealthCheckName"), "database"));
    }
}
