using Invoicing.Application.ApiKeys;
using Invoicing.Application.ApiKeys.AuthenticateApiKey;
using Invoicing.Domain.Common;
using Microsoft.Extensions.Options;

namespace Invoicing.UnitTests.ApiKeys;

/// <summary>
/// A revocation (here or heard on Redis, docs/decisions/0041) forgets the key by its display prefix and keeps it out of
/// the cache for one lifetime: a read that raced the revocation's commit cannot put it back.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private readonly SteppedClock _clock = new();

    [Fact]
    public void A_revoked_prefix_is_forgotten_and_not_remembered_again_for_one_lifetime_while_other_keys_stay()
    {
        var cache = new ApiKeyCache(_clock, Options.Create(new ApiKeyCacheOptions { CacheSeconds = 5 }));
        cache.Remember("hash-a", Key("sk_test_AAAAAAAA"));
        cache.Remember("hash-b", Key("sk_test_BBBBBBBB"));

        cache.Revoked("sk_test_AAAAAAAA");

        cache.TryGet("hash-a", out _).ShouldBeFalse();
        cache.TryGet("hash-b", out var other).ShouldBeTrue();
        other.Prefix.ShouldBe("sk_test_BBBBBBBB");

        cache.Remember("hash-a", Key("sk_test_AAAAAAAA")); // a read from before the commit
        cache.TryGet("hash-a", out _).ShouldBeFalse();

        _clock.Now += TimeSpan.FromSeconds(5); // one lifetime later the prefix may be cached again (a revoked key is never found)
        cache.Remember("hash-a", Key("sk_test_AAAAAAAA"));
        cache.TryGet("hash-a", out _).ShouldBeTrue();
    }

    private static ApiKeySummary Key(string prefix) => new(prefix, ApiEnvironment.Test, null, DateTimeOffset.UnixEpoch, null);

    private sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
