using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Common;

namespace Invoicing.Application.Common.Lists;

/// <summary>
/// <c>created[gte]</c> / <c>created[lte]</c> as a range of ids (docs/decisions/0040). An id is a UUIDv7 of its creation
/// millisecond (docs/decisions/0009), so "created within these seconds" is "id between the first id of one millisecond
/// and the first id of another": the same range scan of the list's own index (each ends with the id) that a cursor
/// already is, in list order, whatever other filter leads the index. Bounds compare with <c>created_at</c> as the API
/// writes it, whole seconds: <c>created[lte]=10:15:00Z</c> includes an item created at 10:15:00.7.
/// </summary>
internal static class CreatedRange
{
    public const string GteParameter = "created[gte]";
    public const string LteParameter = "created[lte]";

    /// <summary>Keeps the items whose creation second lies within the bounds given; none when the bounds cross.</summary>
    public static IQueryable<TEntity> CreatedWithin<TEntity>(this IQueryable<TEntity> source, ICreatedRangeQuery query)
        where TEntity : EnvironmentScopedEntity
    {
        if (query.CreatedGte.IsPresent)
        {
            // From the first whole second at or after the bound.
            var seconds = CeilingSeconds(query.CreatedGte.Value);
            var first = Uuid7.FirstOf(seconds * 1000);
            source = source.Where(e => e.Id.CompareTo(first) >= 0);
        }

        if (query.CreatedLte.IsPresent)
        {
            // Up to the end of the bound's second: before the first id of the next one.
            var seconds = query.CreatedLte.Value.ToUnixTimeSeconds();
            var next = Uuid7.FirstOf((seconds + 1) * 1000);
            source = source.Where(e => e.Id.CompareTo(next) < 0);
        }

        return source;
    }

    private static long CeilingSeconds(DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds(); // towards minus infinity, as ticks go
        return DateTimeOffset.FromUnixTimeSeconds(seconds) == instant ? seconds : seconds + 1;
    }
}

/// <summary>The rules of <c>created[gte]</c> / <c>created[lte]</c>: each optional, given once, an RFC 3339 timestamp.</summary>
internal sealed class CreatedRangeValidator<T> : AbstractValidator<T>
    where T : ICreatedRangeQuery
{
    public CreatedRangeValidator()
    {
        RuleFor(x => x.CreatedGte).Optional().OverridePropertyName(CreatedRange.GteParameter);
        RuleFor(x => x.CreatedLte).Optional().OverridePropertyName(CreatedRange.LteParameter);
    }
}
