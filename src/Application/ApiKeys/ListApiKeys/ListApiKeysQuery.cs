using Invoicing.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery : IRequest<IReadOnlyList<ApiKeySummary>>;

internal sealed class ListApiKeysQueryHandler(IApplicationDbContext db) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeySummary>>
{
    public async Task<IReadOnlyList<ApiKeySummary>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        await db.ApiKeys.OrderBy(k => k.Id).Select(ApiKeySummary.Projection).ToListAsync(cancellationToken);
}
