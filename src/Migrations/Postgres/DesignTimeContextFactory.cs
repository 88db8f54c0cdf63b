using Invoicing.Infrastructure;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Persistence.CompiledModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Invoicing.Migrations.Postgres;

/// <summary>
/// How `dotnet ef` makes the context when this project is its startup project: the service's own Postgres
/// configuration. Adding a migration or scripting one connects to nothing, so the connection string is a placeholder;
/// `dotnet ef database update --connection …` replaces it.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public const string PlaceholderConnectionString = "Host=localhost;Database=design_time";

    public ApplicationDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseDatabase(new DatabaseOptions { Provider = "Postgres", ConnectionString = PlaceholderConnectionString })
            .ForCompiledModel(args)
            .Options);
}
