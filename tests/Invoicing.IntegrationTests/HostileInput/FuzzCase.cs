namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// One generated request, before the server's ids are filled in. Everything in it comes from the case's seed,
/// so a failing case replays alone (its ids may differ; its shape does not).
/// </summary>
internal sealed record FuzzCase(
    string Method,
    Route? Route,
    IReadOnlyList<PathPart> Path,
    IReadOnlyList<QueryPart> Query,
    Auth Auth,
    string? ContentType,
    Body? Body,
    IReadOnlyList<string>? IdempotencyKeys,
    string? RequestId,
    string Label)
{
    /// <summary>The route the request is meant for when it keeps the route's method and shape.</summary>
    public Route? Target => Route is { } route && route.Method == Method ? route : null;
}

/// <summary>A path segment: a literal (percent-encoded when sent) or a reference to an id.</summary>
internal sealed record PathPart(string? Literal, JRef? Reference = null)
{
    public static PathPart Of(string literal) => new(literal);

    public static PathPart Of(JRef reference) => new(null, reference);
}

internal sealed record QueryPart(string Name, string? Literal, JRef? Reference = null);

internal enum KeyKind
{
    None,
    Test,
    Live,
    Revoked,
}

/// <summary>
/// The <c>Authorization</c> header: a template where <c>{key}</c> stands for the key of <see cref="Kind"/>.
/// <see cref="Valid"/> says whether the service must accept it (§2: anything else is 401).
/// </summary>
internal sealed record Auth(KeyKind Kind, string? Template, bool Valid, string Label);

/// <summary>
/// A request body: JSON (<see cref="Json"/>, padded with an unknown member to exactly <see cref="PadTo"/> bytes when
/// set) or raw bytes. <see cref="Chunked"/> sends it without <c>Content-Length</c>.
/// </summary>
internal sealed record Body(J? Json, byte[]? Raw, int? PadTo, bool Chunked, string Label);
