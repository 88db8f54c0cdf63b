using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;

namespace Invoicing.UnitTests.Domain;

public sealed class ApiKeyTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ApiEnvironment.Test, "sk_test_")]
    [InlineData(ApiEnvironment.Live, "sk_live_")]
    public void Issue_returns_a_secret_with_the_environment_prefix_and_32_base62_characters(ApiEnvironment environment, string prefix)
    {
        var (key, secret) = ApiKey.Issue(environment, "ci", Now);

        secret.ShouldStartWith(prefix);
        secret.Length.ShouldBe(prefix.Length + 32);
        secret[prefix.Length..].ShouldAllBe(c => Base62.Contains(c));
        key.Environment.ShouldBe(environment);
        key.Name.ShouldBe("ci");
        key.CreatedAt.ShouldBe(Now);
        key.RevokedAt.ShouldBeNull();
        key.IsRevoked.ShouldBeFalse();
        key.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Issue_keeps_only_the_hash_and_a_short_display_prefix()
    {
        var (key, secret) = ApiKey.Issue(ApiEnvironment.Test, null, Now);

        key.Hash.ShouldBe(ApiKey.HashOf(secret));
        key.Hash.ShouldNotContain(secret[8..]);
        key.Prefix.ShouldBe(secret[..16]);
        key.Prefix.Length.ShouldBeLessThan(secret.Length);
    }

    [Fact]
    public void Issue_draws_a_new_secret_each_time()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => ApiKey.Issue(ApiEnvironment.Test, null, Now).Secret).ToList();

        secrets.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void Issued_secret_parses_back_to_its_environment()
    {
        var (_, live) = ApiKey.Issue(ApiEnvironment.Live, null, Now);
        var (_, test) = ApiKey.Issue(ApiEnvironment.Test, null, Now);

        ApiKey.TryParseEnvironment(live, out var liveEnvironment).ShouldBeTrue();
        liveEnvironment.ShouldBe(ApiEnvironment.Live);
        ApiKey.TryParseEnvironment(test, out var testEnvironment).ShouldBeTrue();
        testEnvironment.ShouldBe(ApiEnvironment.Test);
    }

    [Fact]
    public void Issue_limits_the_name_to_100_characters()
    {
        ApiKey.Issue(ApiEnvironment.Test, string.Concat(Enumerable.Repeat("😀", 100)), Now).Key.Name.ShouldNotBeNull();
        Should.Throw<DomainException>(() => ApiKey.Issue(ApiEnvironment.Test, new string('n', 101), Now));
    }

    [Theory]
    [InlineData("sk_test_", 32, ApiEnvironment.Test)]
    [InlineData("sk_live_", 32, ApiEnvironment.Live)]
    [InlineData("sk_live_", 128, ApiEnvironment.Live)]
    public void TryParseEnvironment_accepts_well_formed_keys(string prefix, int randomLength, ApiEnvironment expected)
    {
        ApiKey.TryParseEnvironment(prefix + new string('A', randomLength), out var environment).ShouldBeTrue();
        environment.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk_test_")]
    [InlineData("sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 31 random characters
    [InlineData("sk_prod_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("SK_TEST_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("pk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-")] // not base62
    [InlineData("sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    [InlineData("sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    [InlineData(" sk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParseEnvironment_refuses_malformed_keys(string presented) =>
        ApiKey.TryParseEnvironment(presented, out _).ShouldBeFalse();

    [Fact]
    public void TryParseEnvironment_refuses_more_than_128_random_characters() =>
        ApiKey.TryParseEnvironment("sk_live_" + new string('A', 129), out _).ShouldBeFalse();

    [Fact]
    public void HashOf_is_lowercase_hex_sha256_of_the_utf8_text()
    {
        // FIPS 180-2 test vector.
        ApiKey.HashOf("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        ApiKey.HashOf("é").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("é"u8)));
    }

    [Fact]
    public void Revoke_marks_the_key_revoked_and_keeps_the_first_time()
    {
        var (key, _) = ApiKey.Issue(ApiEnvironment.Test, null, Now);

        key.Revoke(Now.AddHours(1));
        key.Revoke(Now.AddHours(2));

        key.IsRevoked.ShouldBeTrue();
        key.RevokedAt.ShouldBe(Now.AddHours(1));
    }

    [Theory]
    [InlineData(ApiEnvironment.Test, "sk_test_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56")]
    [InlineData(ApiEnvironment.Live, "sk_live_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78")]
    public void FromKnownSecret_stores_a_chosen_key_like_an_issued_one(ApiEnvironment environment, string secret)
    {
        var key = ApiKey.FromKnownSecret(secret, environment, "bootstrap", Now);

        key.Hash.ShouldBe(ApiKey.HashOf(secret));
        key.Prefix.ShouldBe(secret[..16]);
        key.Environment.ShouldBe(environment);
        key.Name.ShouldBe("bootstrap");
        key.CreatedAt.ShouldBe(Now);
        key.IsRevoked.ShouldBeFalse();
        key.Id.Version.ShouldBe(7);
    }

    [Theory]
    [InlineData("sk_test_Sh0rtSecret", ApiEnvironment.Test)]
    [InlineData("sk_test_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op5-", ApiEnvironment.Test)]
    [InlineData("sk_test_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", ApiEnvironment.Live)]
    [InlineData("sk_live_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", ApiEnvironment.Test)]
    public void FromKnownSecret_refuses_a_malformed_key_or_one_of_the_other_environment_without_repeating_it(string secret, ApiEnvironment environment)
    {
        var refused = Should.Throw<DomainException>(() => ApiKey.FromKnownSecret(secret, environment, null, Now));

        refused.Message.ShouldNotContain(secret[8..]);
    }

    [Fact]
    public void FromKnownSecret_limits_the_name_to_100_characters() =>
        Should.Throw<DomainException>(() => ApiKey.FromKnownSecret("sk_test_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56", ApiEnvironment.Test, new string('n', 101), Now));
}
