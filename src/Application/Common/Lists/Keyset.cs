using System.Linq.Expressions;
using Invoicing.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Common.Lists;

/// <summary>
/// Keyset pagination over the id (UUIDv7, creation order; docs/decisions/0009): one query per page that
/// reads <c>limit + 1</c> rows from the cursor on, the extra row only telling whether there is more.
/// No offset, no count.
/// </summary>
internal static class Keyset
{
    public static async Task<ListResponse<TResponse>> PageAsync<TEntity, TResponse>(
        IQueryable<TEntity> source, IListQuery query, Expression<Func<TEntity, TResponse>> projection, CancellationToken cancellationToken)
        where TEntity : EnvironmentScopedEntity
    {
        var limit = (int)query.Limit.ValueOr(IListQuery.DefaultLimit);
        if (query.EndingBefore.IsPresent)
        {
            // Walking backwards: the newer items next to the cursor, read oldest first, then turned round.
            var before = query.EndingBefore.Value;
            var newer = await source.Where(e => e.Id.CompareTo(before) > 0).OrderBy(e => e.Id).Take(limit + 1)
                .Select(projection).ToListAsync(cancellationToken);
            var page = newer.Take(limit).Reverse().ToList();
            return new ListResponse<TResponse>(page, newer.Count > limit);
        }

        if (query.StartingAfter.IsPresent)
        {
            var after = query.StartingAfter.Value;
            source = source.Where(e => e.Id.CompareTo(after) < 0);
        }

        var rows = await source.OrderByDescending(e => e.Id).Take(limit + 1).Select(projection).ToListAsync(cancellationToken);
        return new ListResponse<TResponse>(rows.Take(limit).ToList(), rows.Count > limit);
    }
}
