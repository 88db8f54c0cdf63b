using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// Each provider's migrations hold the whole model (docs/decisions/0028): a model change without
/// <c>scripts/add-migration.sh</c> fails here. This is the only check: the service's <c>Migrate</c> ignores EF's
/// pending-model-changes warning to start faster (docs/decisions/0028).
/// </summary>
public sealed class PendingModelChangesTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_hold_every_change_of_the_model(string provider)
    {
        using var db = Context(provider);

        db.Database.HasPendingModelChanges().ShouldBeFalse($"the model has changes that no {provider} migration holds: run scripts/add-migration.sh NAME");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_migrations_come_from_the_provider_s_own_assembly(string provider)
    {
        using var db = Context(provider);

        var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;

        assembly.ShouldBe(new DatabaseOptions { Provider = provider }.MigrationsAssembly);
        assembly.ShouldBe($"Invoicing.Migrations.{provider}");
    }

    private static ApplicationDbContext Context(string provider) => provider switch
    {
        "Sqlite" => Models.Sqlite(),
        "Postgres" => Models.Postgres(),
        _ => Models.SqlServer(),
    };
}
