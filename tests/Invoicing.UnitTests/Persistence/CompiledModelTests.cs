using System.Linq.Expressions;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// The service runs on each provider's compiled model (docs/decisions/0046), not on the model
/// <see cref="ApplicationDbContext"/>'s <c>OnModelCreating</c> builds, so the two must not differ: a model change without
/// <c>scripts/optimize-model.sh</c> (which <c>scripts/add-migration.sh</c> runs) fails here. The design-time model
/// beside it is the one <c>OnModelCreating</c> builds, as <c>dotnet ef</c> sees it.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_service_runs_on_the_provider_s_own_compiled_model(string provider)
    {
        using var db = Context(provider);

        db.Model.ShouldBeAssignableTo<RuntimeModel>();
        db.Model.GetType().FullName.ShouldBe($"Invoicing.Infrastructure.Persistence.CompiledModels.{provider}.ApplicationDbContextModel");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_has_the_shape_OnModelCreating_builds(string provider)
    {
        using var db = Context(provider);
        var built = db.GetService<IDesignTimeModel>().Model;

        var shape = MetadataDebugStringOptions.LongDefault & ~MetadataDebugStringOptions.IncludeAnnotations;
        db.Model.ToDebugString(shape).ShouldBe(built.ToDebugString(shape), Regenerate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_maps_to_the_schema_OnModelCreating_maps_to(string provider)
    {
        using var db = Context(provider);
        var built = db.GetService<IDesignTimeModel>().Model;

        Schema(db.Model).ShouldBe(Schema(built), Regenerate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_converts_compares_and_filters_as_OnModelCreating_s_does(string provider)
    {
        using var db = Context(provider);
        var built = db.GetService<IDesignTimeModel>().Model;

        Behaviour(db.Model).ShouldBe(Behaviour(built), Regenerate);
        Behaviour(db.Model).ShouldContain(line => line.Contains("filter e => (e.Environment == context.CurrentEnvironment)"));
    }

    private const string Regenerate = "the compiled model is out of date: run scripts/optimize-model.sh";

    private static ApplicationDbContext Context(string provider) => provider switch
    {
        "Sqlite" => Models.Sqlite(),
        "Postgres" => Models.Postgres(),
        _ => Models.SqlServer(),
    };

    /// <summary>The tables the queries read and write: columns with their store types, keys, indexes and foreign keys.</summary>
    private static List<string> Schema(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"table {table.SchemaQualifiedName}");
            lines.AddRange(table.Columns.Select(c => $"column {c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"key {k.Name} ({Names(k.Columns)})"));
            lines.AddRange(table.Indexes.Select(i => $"index {i.Name} ({Names(i.Columns)}) {(i.IsUnique ? "unique" : "")}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"foreign key {f.Name} ({Names(f.Columns)}) references {f.PrincipalTable.Name} ({Names(f.PrincipalColumns)}) on delete {f.OnDeleteAction}"));
        }

        return lines;
    }

    private static string Names(IEnumerable<IColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    /// <summary>What the debug string leaves out: each entity type's query filter, and each property's converter and comparer.</summary>
    private static List<string> Behaviour(IModel model)
    {
        var lines = new List<string>();
        foreach (var entityType in model.GetEntityTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"{entityType.ShortName()} filter {Print(entityType.GetDeclaredQueryFilters().SingleOrDefault()?.Expression)}");
            foreach (var property in entityType.GetProperties())
            {
                var converter = property.GetTypeMapping().Converter;
                var comparer = property.GetValueComparer();
                lines.Add($"{entityType.ShortName()}.{property.Name} converter {converter?.GetType()} {Print(converter?.ConvertToProviderExpression)} {Print(converter?.ConvertFromProviderExpression)}"
                    + $" comparer {Print(comparer.EqualsExpression)} {Print(comparer.HashCodeExpression)} {Print(comparer.SnapshotExpression)}");
            }
        }

        return lines;
    }

    /// <summary>The expression as text, with the context EF puts in place of a filter's context constant named <c>context</c>.</summary>
    private static string Print(LambdaExpression? expression) =>
        expression is null ? "none" : new NameTheContext().Visit(expression).ToString();

    private sealed class NameTheContext : ExpressionVisitor
    {
        private static readonly ParameterExpression Context = Expression.Parameter(typeof(ApplicationDbContext), "context");

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Type == typeof(ApplicationDbContext) ? Context : node;
    }
}
