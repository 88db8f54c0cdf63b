using Invoicing.Application.Webhooks;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.Extensions.Hosting;
using static Invoicing.UnitTests.Webhooks.TestWebhookKeys;

namespace Invoicing.UnitTests.Webhooks;

/// <summary>Several webhook keys (docs/decisions/0037): the first seals, any opens, ids come from the keys, bad lists are refused at start.</summary>
public sealed class WebhookKeysTests
{
    private static readonly string A = NewKey();
    private static readonly string B = NewKey();

    [Fact]
    public void The_first_key_seals_and_names_itself_any_key_opens_and_a_missing_key_is_named()
    {
        var withA = Protector(secretKey: A);
        var withBAndA = Protector(secretKeys: $"{B},{A}");
        var withB = Protector(secretKeys: B);

        var sealedByA = withA.Protect("whsec_one");
        var sealedByB = withBAndA.Protect("whsec_two");

        sealedByA.ShouldStartWith($"v2.{IdOf(A)}.");
        sealedByB.ShouldStartWith($"v2.{IdOf(B)}.");
        withBAndA.Unprotect(sealedByA).ShouldBe("whsec_one");
        withB.Unprotect(sealedByB).ShouldBe("whsec_two");
        Should.Throw<SecretKeyMissingException>(() => withB.Unprotect(sealedByA)).KeyId.ShouldBe(IdOf(A));
        withBAndA.KeyIds.ShouldBe([IdOf(B), IdOf(A)]);
    }

    [Fact]
    public void A_value_from_before_key_ids_opens_with_whichever_configured_key_sealed_it()
    {
        var sealedByA = Protector(secretKey: A).Protect("whsec_old");
        var legacy = "v1." + sealedByA[(sealedByA.IndexOf('.', 3) + 1)..];

        Protector(secretKeys: $"{B},{A}").Unprotect(legacy).ShouldBe("whsec_old");
        Should.Throw<SecretKeyMissingException>(() => Protector(secretKeys: B).Unprotect(legacy)).KeyId.ShouldBeNull();
    }

    [Fact]
    public void The_single_key_setting_is_the_oldest_beside_the_list_and_counts_once()
    {
        Protector(secretKeys: B, secretKey: A).KeyIds.ShouldBe([IdOf(B), IdOf(A)]);
        Protector(secretKeys: $"{B} {A}", secretKey: A).KeyIds.ShouldBe([IdOf(B), IdOf(A)]);
    }

    [Fact]
    public void A_key_id_is_twelve_hex_digits_that_differ_between_keys()
    {
        IdOf(A).ShouldMatch("^[0-9a-f]{12}$");
        IdOf(A).ShouldNotBe(IdOf(B));
        IdOf(A).ShouldBe(IdOf(A));
    }

    [Fact]
    public void A_bad_key_list_is_one_failure_per_fault_and_names_no_key()
    {
        var failures = Validate(new WebhookOptions { SecretKeys = $"{A},not-base64,{A},c2hvcnQ=" });

        failures.ShouldBe(
        [
            "Webhooks:SecretKeys: key 2 of 4 must be the base64 of exactly 32 bytes (got a value that is not).",
            $"Webhooks:SecretKeys: key 3 of 4 is listed twice (key id {IdOf(A)}).",
            "Webhooks:SecretKeys: key 4 of 4 must be the base64 of exactly 32 bytes (got a value that is not).",
        ]);
        failures.ShouldAllBe(f => !f.Contains(A));
    }

    [Fact]
    public void Production_needs_one_of_the_two_settings()
    {
        Validate(new WebhookOptions()).ShouldBe(["Webhooks:SecretKeys (or Webhooks:SecretKey) must be set in Production: the base64 of 32 random bytes (for example `openssl rand -base64 32`)."]);
        Validate(new WebhookOptions { SecretKeys = A }).ShouldBeEmpty();
        Validate(new WebhookOptions { SecretKey = A }).ShouldBeEmpty();
    }

    private static IReadOnlyList<string> Validate(WebhookOptions options) =>
        new WebhookOptionsValidator(new ProductionEnvironment()).Validate(null, options).Failures?.ToList() ?? [];

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "/";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
