using Invoicing.Infrastructure.Persistence;
using Invoicing.UnitTests.SqlServer;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// Stamping environments, the outbox, the bulk path and the translation of refusals live in the save pipeline, not in
/// the context (docs/decisions/0034), so they hold only where the pipeline is configured: in every context the service
/// or <c>dotnet ef</c> makes, all of which go through <c>UseDatabase</c>.
/// </summary>
public sealed class SaveChangesPipelineTests
{
    [Fact]
    public async Task Every_context_of_the_service_and_of_dotnet_ef_runs_the_save_pipeline()
    {
        await using var server = new OfflineSqlServer();
        await using var scope = server.Scope();
        using var sqlite = Models.Sqlite();
        using var postgres = Models.Postgres();
        using var sqlServer = Models.SqlServer();

        foreach (var db in new[] { scope.ServiceProvider.GetRequiredService<ApplicationDbContext>(), sqlite, postgres, sqlServer })
        {
            var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors!;
            interceptors.ShouldContain(SaveChangesPipeline.Instance, db.Database.ProviderName);
        }
    }
}
