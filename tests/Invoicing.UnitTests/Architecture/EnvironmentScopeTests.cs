using System.Linq.Expressions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.UnitTests.Architecture;

/// <summary>Environments are kept apart once, in persistence (§2): every scoped entity is filtered.</summary>
public sealed class EnvironmentScopeTests
{
    /// <summary>Domain entities, and persistence-only records such as idempotency keys.</summary>
    private static readonly Type[] ScopedTypes = Layers.Domain.GetTypes().Concat(Layers.Infrastructure.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(EnvironmentScopedEntity)))
        .ToArray();

    private sealed class FixedEnvironment : ICurrentEnvironment
    {
        public ApiEnvironment Value => ApiEnvironment.Test;

        public void Set(ApiEnvironment environment)
        {
        }
    }

    private static ApplicationDbContext NewContext()
    {
        var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite("Data Source=:memory:").Options);
        db.UseEnvironment(new FixedEnvironment());
        return db;
    }

    [Fact]
    public void The_domain_has_environment_scoped_entities() =>
        ScopedTypes.Length.ShouldBeGreaterThanOrEqualTo(3);

    [Fact]
    public void Every_environment_scoped_entity_has_a_query_filter_on_its_environment()
    {
        using var db = NewContext();
        var problems = new List<string>();

        foreach (var type in ScopedTypes)
        {
            var entity = db.Model.FindEntityType(type);
            if (entity is null)
            {
                problems.Add($"{type.Name} is not in the model");
                continue;
            }

            var filters = entity.GetDeclaredQueryFilters();
            if (filters.Count == 0)
            {
                problems.Add($"{type.Name} has no query filter");
                continue;
            }

            // The filter must compare the entity's own Environment with something: e => e.Environment == ...
            var comparesEnvironment = filters.Any(f =>
                f.Expression is { Body: BinaryExpression { NodeType: ExpressionType.Equal } body } lambda
                && new[] { body.Left, body.Right }.Any(side =>
                    side is MemberExpression { Member.Name: nameof(EnvironmentScopedEntity.Environment), Expression: ParameterExpression p } && p == lambda.Parameters[0]));
            if (!comparesEnvironment)
            {
                problems.Add($"{type.Name}'s filter does not compare its Environment: {string.Join("; ", filters.Select(f => f.Expression))}");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Api_keys_are_not_environment_filtered()
    {
        using var db = NewContext();

        db.Model.FindEntityType(typeof(ApiKey))!.GetDeclaredQueryFilters().ShouldBeEmpty();
    }
}
