using System.Linq.Expressions;
using Invoicing.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Invoicing.Infrastructure.Persistence.CompiledModels;

/// <summary>
/// Each provider's model, made ahead of time by <c>dotnet ef dbcontext optimize</c> (scripts/optimize-model.sh) instead
/// of built from <see cref="ApplicationDbContext.OnModelCreating"/> at every start (docs/decisions/0046).
/// <c>CompiledModelTests</c> fails the build when one no longer equals the model <c>OnModelCreating</c> builds.
/// </summary>
public static class CompiledModels
{
    /// <summary>The argument that makes the design-time factories build the model for the generator: <c>dotnet ef dbcontext optimize … -- --compiled-model</c>.</summary>
    public const string DesignTimeArgument = "--compiled-model";

    /// <summary>
    /// For the design-time factories when <c>dotnet ef dbcontext optimize</c> runs (<see cref="DesignTimeArgument"/>):
    /// the model without its environment query filters, which the generator refuses (dotnet/efcore#24897). Each
    /// compiled model's <c>Customize</c> adds them back (<see cref="AddEnvironmentFilters"/>).
    /// </summary>
    public static DbContextOptionsBuilder<ApplicationDbContext> ForCompiledModel(
        this DbContextOptionsBuilder<ApplicationDbContext> options, string[] args) =>
        args.Contains(DesignTimeArgument) ? options.ReplaceService<IModelCustomizer, WithoutQueryFilters>() : options;

    /// <summary>The compiled model of the configured provider.</summary>
    internal static IModel For(DatabaseOptions database) =>
        database.IsPostgres ? Postgres.ApplicationDbContextModel.Instance
        : database.IsSqlServer ? SqlServer.ApplicationDbContextModel.Instance
        : Sqlite.ApplicationDbContextModel.Instance;

    /// <summary>
    /// The query filters <see cref="ApplicationDbContext.OnModelCreating"/> gives every environment-scoped entity type,
    /// added to a compiled model as its annotation. EF keeps a runtime model's filters in an internal type (EF1001),
    /// the one the generator would write if it could.
    /// </summary>
#pragma warning disable EF1001
    internal static void AddEnvironmentFilters(RuntimeModel model)
    {
        var anyContext = Expression.Constant(null, typeof(ApplicationDbContext));
        foreach (var entityType in ((IModel)model).GetEntityTypes().Cast<RuntimeEntityType>().Where(t => t.ClrType.IsAssignableTo(typeof(EnvironmentScopedEntity))))
        {
            entityType.AddAnnotation(
                CoreAnnotationNames.QueryFilter,
                new QueryFilterCollection([new RuntimeQueryFilter(null!, ApplicationDbContext.EnvironmentFilter(entityType.ClrType, anyContext))]));
        }
    }
#pragma warning restore EF1001

    /// <summary>OnModelCreating's model, less its query filters.</summary>
    private sealed class WithoutQueryFilters(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            {
                entityType.SetQueryFilter(null);
            }
        }
    }
}
