using System.Net;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.Api;

/// <summary>/health/ready follows the database: 503 in the envelope once it is gone, logged at Error, while /health/live stays up.</summary>
public abstract class ReadinessTests(DatabaseServer server)
{
    [Fact]
    public async Task Ready_answers_service_unavailable_when_the_database_is_gone()
    {
        if (server.UnavailableReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var connectionString = await server.CreateDatabaseAsync();
        await using var factory = new ApiFactory(server.Provider, connectionString);
        var client = factory.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await server.DropDatabaseAsync(connectionString);

        await (await client.GetAsync("/health/ready")).ShouldBeEnvelopeAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A database lost after the start is an error in the log (a service still starting is not: UnreachableDatabaseAtStartupTests).
        factory.Logs.Records.ShouldContain(r => r.Level == LogLevel.Error && Equals(r.Properties.GetValueOrDefault("HealthCheckName"), "database"));
    }
}

public sealed class ReadinessTestsOnPostgres(PostgresServer server) : ReadinessTests(server);

public sealed class ReadinessTestsOnSqlServer(SqlServerContainer server) : ReadinessTests(server);
