using Invoicing.Application.Common.Validation;

namespace Invoicing.Application.Common.Lists;

/// <summary>
/// The <c>created[gte]</c> / <c>created[lte]</c> filters of a list (§10), as the query string gave them: inclusive bounds on
/// <c>created_at</c> as the API writes it (whole seconds, UTC). See <see cref="CreatedRange"/> and docs/decisions/0040.
/// </summary>
public interface ICreatedRangeQuery
{
    /// <summary>Only items created at or after this instant.</summary>
    Input<DateTimeOffset> CreatedGte { get; }

    /// <summary>Only items created at or before this instant.</summary>
    Input<DateTimeOffset> CreatedLte { get; }
}
