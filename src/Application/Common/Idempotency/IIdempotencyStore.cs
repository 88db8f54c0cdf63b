namespace Invoicing.Application.Common.Idempotency;

/// <summary>
/// Durable idempotency records (§7), scoped to the current key's environment. The claim is a row
/// under a unique index on (environment, key): whoever inserts it runs the request; everyone else
/// replays, or is told the key is in use or was used for another request. See docs/decisions/0010.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or says why not (replay, in use, reused, unreadable).</summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the answer on a claim that is still this request's, inside the request's open unit of work. False when
    /// the claim is no longer held (a retry took over a claim it found stale): then nothing may be committed.
    /// </summary>
    Task<bool> CompleteAsync(IdempotencyClaim claim, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Deletes a claim that ended without an answer worth keeping (5xx), so that a retry runs again.</summary>
    Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken);
}

/// <summary>What identifies a request under an idempotency key: method, path (with query) and the SHA-256 of its body.</summary>
public sealed record IdempotentRequest(string Key, string Method, string Path, string BodyHash);

/// <summary>An answer as the client received it: status, content type, <c>Location</c> and the body bytes.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

public enum IdempotencyOutcome
{
    /// <summary>This request holds the key and runs.</summary>
    Claimed,

    /// <summary>An earlier request with the same key and parameters finished: answer with its response.</summary>
    Replay,

    /// <summary>An earlier request with the same key is still running.</summary>
    InUse,

    /// <summary>The key was used for a different method, path or body.</summary>
    Reused,

    /// <summary>
    /// An earlier request with the same key and parameters finished, but its stored answer was sealed with an encryption
    /// key the service no longer has: it cannot be replayed, and running the request again could do it twice.
    /// </summary>
    Unreadable,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, Guid RecordId, Guid LockToken, StoredResponse? Response)
{
    public static readonly IdempotencyClaim InUse = new(IdempotencyOutcome.InUse, Guid.Empty, Guid.Empty, null);

    public static readonly IdempotencyClaim Reused = new(IdempotencyOutcome.Reused, Guid.Empty, Guid.Empty, null);

    public static readonly IdempotencyClaim Unreadable = new(IdempotencyOutcome.Unreadable, Guid.Empty, Guid.Empty, null);

    public static IdempotencyClaim Claimed(Guid recordId, Guid lockToken) => new(IdempotencyOutcome.Claimed, recordId, lockToken, null);

    public static IdempotencyClaim Replay(StoredResponse response) => new(IdempotencyOutcome.Replay, Guid.Empty, Guid.Empty, response);
}
