using System.Linq.Expressions;

namespace Invoicing.UnitTests.Persistence;

/// <summary>
/// EF compiles the model's value converters and comparers, and runs them for every row it reads, writes or tracks (a
/// comparer's snapshot is taken of each tracked row). A lambda nested inside one of those expressions becomes a new
/// delegate at every call, which showed in the POST profile (bench/README.md): they call methods instead.
/// </summary>
public sealed class CompiledConversionsTests
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_converter_or_comparer_of_the_model_nests_a_lambda(string provider)
    {
        using var db = provider switch
        {
            "Sqlite" => Models.Sqlite(),
            "Postgres" => Models.Postgres(),
            _ => Models.SqlServer(),
        };
        var nesting = new List<string>();

        foreach (var property in db.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            var name = $"{property.DeclaringType.ClrType.Name}.{property.Name}";
            if (property.GetValueConverter() is { } converter)
            {
                Check($"{name}'s converter to the column", converter.ConvertToProviderExpression);
                Check($"{name}'s converter from the column", converter.ConvertFromProviderExpression);
            }

            if (property.GetValueComparer() is { } comparer && property.GetValueConverter() is not null)
            {
                Check($"{name}'s comparer (equals)", comparer.EqualsExpression);
                Check($"{name}'s comparer (hash code)", comparer.HashCodeExpression);
                Check($"{name}'s comparer (snapshot)", comparer.SnapshotExpression);
            }
        }

        nesting.ShouldBeEmpty();

        void Check(string what, LambdaExpression expression)
        {
            if (NestedLambdaFinder.Nests(expression))
            {
                nesting.Add($"{what}: {expression}");
            }
        }
    }

    private sealed class NestedLambdaFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool Nests(LambdaExpression expression)
        {
            var finder = new NestedLambdaFinder();
            finder.Visit(expression.Body);
            return finder._found;
        }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _found = true;
            return node;
        }
    }
}
