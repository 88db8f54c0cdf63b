namespace Invoicing.Web.OpenApi;

/// <summary>
/// The descriptions of the query parameters that several lists share (§6, §10), written once for every
/// <see cref="QueryParameterAttribute"/> that declares one.
/// </summary>
internal static class ListParameters
{
    public const string Limit = "How many items the page holds.";

    public const string StartingAfter = "An id from the previous page: this page holds the items after it (older).";

    public const string EndingBefore = "An id from the previous page: this page holds the items before it (newer). Not together with `starting_after`.";

    public const string CreatedGte =
        "Only items created at or after this RFC 3339 timestamp (`2026-12-05T07:00:00Z`, or with an offset: send `+` as `%2B`). "
        + "Compared with `created_at` as the API writes it, in whole seconds.";

    public const string CreatedLte =
        "Only items created at or before this RFC 3339 timestamp, compared with `created_at` as the API writes it, in whole seconds: "
        + "`…T10:15:00Z` includes an item created at 10:15:00.7. Bounds that cross give an empty list.";
}
