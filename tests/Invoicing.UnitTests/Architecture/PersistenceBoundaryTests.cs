using System.Reflection;
using Invoicing.Infrastructure.Idempotency;
using Invoicing.Infrastructure.Persistence;
using Invoicing.Infrastructure.Startup;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// Persistence owns persistence (docs/decisions/0034): Web talks to the database only through Application's
/// abstractions (commands, queries, the unit of work), so no Web type but the composition root refers to Entity
/// Framework; and one class begins every transaction and savepoint.
/// </summary>
public sealed class PersistenceBoundaryTests
{
    /// <summary>Where the layers are put together: Program's top-level statements and Web's DependencyInjection.</summary>
    private static readonly string[] CompositionRoot = ["Program", "Invoicing.Web.DependencyInjection"];

    /// <summary>The EF calls that begin a transaction or work with savepoints.</summary>
    private static readonly string[] TransactionCalls = ["BeginTransaction", "UseTransaction", "CreateSavepoint", "RollbackToSavepoint", "ReleaseSavepoint"];

    [Fact]
    public void No_web_type_outside_the_composition_root_refers_to_entity_framework()
    {
        var problems = Layers.Web.GetTypes()
            .Where(t => !CompositionRoot.Contains(CodeReferences.Outermost(t).FullName))
            .SelectMany(t => CodeReferences.TypesUsedBy(t).Where(CodeReferences.IsEntityFramework).Select(ef => $"{CodeReferences.Outermost(t).FullName} uses {ef}"))
            .Distinct()
            .ToList();

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_check_finds_entity_framework_in_signatures_in_async_method_bodies_and_through_derived_types()
    {
        // A field of EF's type; a query inside an async method (compiled into a nested state machine); the context, which
        // is EF's only through its base class.
        CodeReferences.TypesUsedBy(typeof(IdempotencyStore)).ShouldContain(t => CodeReferences.IsEntityFramework(t));
        typeof(DevelopmentKey).GetNestedTypes(BindingFlags.NonPublic).SelectMany(CodeReferences.TypesUsedBy)
            .ShouldContain(t => t.FullName == "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        CodeReferences.IsEntityFramework(typeof(ApplicationDbContext)).ShouldBeTrue();
        CodeReferences.IsEntityFramework(typeof(List<ApplicationDbContext>)).ShouldBeTrue();
        CodeReferences.IsEntityFramework(typeof(DatabaseReadiness)).ShouldBeFalse();
    }

    [Fact]
    public void Only_the_unit_of_work_begins_transactions_and_savepoints()
    {
        var callers = new[] { Layers.Application, Layers.Infrastructure, Layers.Web }
            .SelectMany(a => a.GetTypes())
            .Where(t => CodeReferences.MethodsCalledBy(t).Any(m => CodeReferences.IsEntityFramework(m.DeclaringType!) && TransactionCalls.Any(m.Name.StartsWith)))
            .Select(t => CodeReferences.Outermost(t).FullName)
            .Distinct()
            .ToList();

        callers.ShouldBe([typeof(UnitOfWork).FullName]);
    }
}
