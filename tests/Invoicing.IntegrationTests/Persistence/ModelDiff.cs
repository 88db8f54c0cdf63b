using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Invoicing.IntegrationTests.Persistence;

/// <summary>What the hand-written snapshot lacks compared with the model: empty when they agree.</summary>
internal static class ModelDiff
{
    public static IReadOnlyList<string> Describe(ApplicationDbContext db)
    {
        // A fresh snapshot instance: the migrator's own copy is already finalized.
        IModel snapshot = ((IMutableModel)new ApplicationDbContextModelSnapshot().Model).FinalizeModel();
        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var differences = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshot.GetRelationalModel(),
            db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        return differences.Select(Describe).ToList();
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        AlterColumnOperation c => $"alter column {c.Table}.{c.Name}: {c.OldColumn.ClrType?.Name}/{c.OldColumn.ColumnType}/{c.OldColumn.MaxLength}/{c.OldColumn.IsNullable} -> {c.ClrType.Name}/{c.ColumnType}/{c.MaxLength}/{c.IsNullable}",
        ColumnOperation c => $"{operation.GetType().Name} {c.Table}.{c.Name}",
        CreateIndexOperation i => $"create index {i.Name} on {i.Table}",
        DropIndexOperation i => $"drop index {i.Name} on {i.Table}",
        _ => operation.GetType().Name,
    };
}
