using Invoicing.Application.Common.Validation;

namespace Invoicing.Application.Common.Lists;

/// <summary>The paging parameters every list query takes (§6), as the client sent them.</summary>
public interface IListQuery
{
    const long DefaultLimit = 10;
    const long MaxLimit = 100;

    Input<long> Limit { get; }

    /// <summary>The page holds the items that come after (are older than) this one.</summary>
    Input<Guid> StartingAfter { get; }

    /// <summary>The page holds the items that come before (are newer than) this one.</summary>
    Input<Guid> EndingBefore { get; }
}
