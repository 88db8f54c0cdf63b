using System.Security.Cryptography;
using System.Text;
using Invoicing.Application.Common.Idempotency;
using Invoicing.Domain.Common;

namespace Invoicing.Infrastructure.Idempotency;

/// <summary>
/// One idempotency key of one environment: the request that claimed it and, once that request has
/// answered, the answer. While <see cref="ResponseStatus"/> is null the key is claimed by the holder of
/// <see cref="LockToken"/> since <see cref="LockedAt"/>. It is environment-scoped like every other row,
/// so the same key in test and live are two unrelated records (docs/decisions/0010).
/// </summary>
internal sealed class IdempotencyRecord : EnvironmentScopedEntity
{
    public const int KeyMaxLength = 255;
    public const int PathMaxLength = 2048;

    private IdempotencyRecord(Guid id, string key, string requestMethod, string requestPath, string requestHash, DateTime createdAt)
        : base(id)
    {
        Key = key;
        RequestMethod = requestMethod;
        RequestPath = requestPath;
        RequestHash = requestHash;
        CreatedAt = createdAt;
    }

    public string Key { get; private set; }

    public string RequestMethod { get; private set; }

    public string RequestPath { get; private set; }

    /// <summary>Lowercase hex SHA-256 of the request body bytes.</summary>
    public string RequestHash { get; private set; }

    /// <summary>Who holds the claim; null once the answer is stored.</summary>
    public Guid? LockToken { get; private set; }

    /// <summary>When the claim was taken (UTC); null once the answer is stored.</summary>
    public DateTime? LockedAt { get; private set; }

    /// <summary>When the key was first claimed (UTC); retention counts from here.</summary>
    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public int? ResponseStatus { get; private set; }

    public string? ResponseContentType { get; private set; }

    public string? ResponseLocation { get; private set; }

    /// <summary>Sealed with <see cref="Webhooks.AesGcmSecretProtector"/> (docs/decisions/0016).</summary>
    public byte[]? ResponseBody { get; private set; }

    /// <summary>The id of the key that sealed <see cref="ResponseBody"/>; null for answers stored before keys had ids (docs/decisions/0037).</summary>
    public string? ResponseKeyId { get; private set; }

    public static IdempotencyRecord Claim(IdempotentRequest request, DateTime now) =>
        new(Guid.CreateVersion7(now), request.Key, request.Method, StoredPath(request.Path), request.BodyHash, now)
        {
            LockToken = Guid.NewGuid(),
            LockedAt = now,
        };

    public bool IsFor(IdempotentRequest request) =>
        RequestMethod == request.Method && RequestPath == StoredPath(request.Path) && RequestHash == request.BodyHash;

    /// <summary>
    /// The path and query as stored: as sent when it fits the column (<see cref="PathMaxLength"/> characters), otherwise
    /// its SHA-256, which still tells two requests apart. A path of 8 KB is a valid request line; it must not make the
    /// claim's insert fail (PostgreSQL refuses an over-long <c>varchar</c>: that was a 500).
    /// </summary>
    public static string StoredPath(string path) =>
        path.Length <= PathMaxLength ? path : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)));

    public StoredResponse? Response => ResponseStatus is { } status
        ? new StoredResponse(status, ResponseContentType, ResponseLocation, ResponseBody ?? [])
        : null;
}
