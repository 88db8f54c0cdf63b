using System.Linq.Expressions;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;

namespace Invoicing.Application.ApiKeys;

/// <summary>What may be shown of a key: never the key itself.</summary>
public sealed record ApiKeySummary(string Prefix, ApiEnvironment Environment, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static readonly Expression<Func<ApiKey, ApiKeySummary>> Projection =
        k => new ApiKeySummary(k.Prefix, k.Environment, k.Name, k.CreatedAt, k.RevokedAt);

    private static readonly Func<ApiKey, ApiKeySummary> Map = Projection.Compile();

    public static ApiKeySummary From(ApiKey key) => Map(key);
}
