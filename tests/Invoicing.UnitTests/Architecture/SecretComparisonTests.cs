using System.Text.RegularExpressions;

namespace Invoicing.UnitTests.Architecture;

/// <summary>
/// Secrets are never compared in a way whose time depends on how much of a guess is right (README "Getting a key").
/// A presented API key is only hashed (SHA-256) and the hash looked up, so what a lookup's timing could tell is about a
/// hash, which does not lead back to a key. Computed signatures are compared with
/// <c>CryptographicOperations.FixedTimeEquals</c>. These scans of the source fail when someone compares a key, a secret
/// or a signature with <c>==</c>, <c>Equals</c> or <c>SequenceEqual</c> instead.
/// </summary>
public sealed partial class SecretComparisonTests
{
    private static readonly string Source = Path.Combine(RepositoryFiles.Root, "src");

    [Fact]
    public void A_presented_api_key_is_only_checked_for_its_form_and_hashed_and_the_hash_is_looked_up()
    {
        var handler = File.ReadAllText(Path.Combine(Source, "Application", "ApiKeys", "AuthenticateApiKey", "AuthenticateApiKeyQuery.cs"));

        var uses = PresentedKeyUse().Matches(handler).Select(m => m.Value).ToList();
        uses.ShouldBe(["ApiKey.TryParseEnvironment(request.PresentedKey", "ApiKey.HashOf(request.PresentedKey"]);
        handler.ShouldContain("cache.TryGet(hash,");
        handler.ShouldContain("k.Hash == hash");
    }

    [Fact]
    public void Webhook_signatures_are_compared_in_constant_time_by_the_service_and_by_the_client()
    {
        foreach (var file in new[] { Path.Combine("Infrastructure", "Webhooks", "WebhookSignature.cs"), Path.Combine("Client", "Webhooks", "InvoicingWebhook.cs") })
        {
            File.ReadAllText(Path.Combine(Source, file)).ShouldContain("CryptographicOperations.FixedTimeEquals(expected, signature)", customMessage: file);
        }
    }

    [Fact]
    public void No_source_compares_a_key_secret_signature_or_mac_with_an_early_exit_comparison()
    {
        var offending = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (EarlyExitComparison().IsMatch(lines[i]) || (lines[i].Contains("SequenceEqual(", StringComparison.Ordinal) && !IsAllowedSequenceEqual(file, lines[i])))
                {
                    offending.Add($"{Path.GetRelativePath(Source, file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        offending.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("return expected.SequenceEqual(signature);")]
    [InlineData("if (signature == expected)")]
    [InlineData("if (expected != signature) return false;")]
    [InlineData("var same = presentedKey.Equals(stored, StringComparison.Ordinal);")]
    [InlineData("return string.Equals(secret, request.Secret);")]
    [InlineData("match = computedHmac.AsSpan().SequenceEqual(given);")]
    public void The_scan_recognises_early_exit_comparisons(string line)
    {
        (EarlyExitComparison().IsMatch(line) || line.Contains("SequenceEqual(", StringComparison.Ordinal)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("match |= CryptographicOperations.FixedTimeEquals(expected, signature);")]
    [InlineData("if (timestamp is not { } signedAt || signatures.Count == 0)")]
    [InlineData("var key = await db.ApiKeys.Where(k => k.Hash == hash && k.RevokedAt == null)")]
    public void The_scan_accepts_constant_time_comparisons_and_lookups_by_hash(string line)
    {
        EarlyExitComparison().IsMatch(line).ShouldBeFalse();
    }

    /// <summary>The one <c>SequenceEqual</c> of the service: EF's change detection of an endpoint's list of event types.</summary>
    private static bool IsAllowedSequenceEqual(string file, string line) =>
        file.EndsWith("WebhookEndpointConfiguration.cs", StringComparison.Ordinal) && line.Contains("static bool SameEvents(IReadOnlyList<string> a", StringComparison.Ordinal);

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\w+(\.\w+)*\(request\.PresentedKey")]
    private static partial Regex PresentedKeyUse();

    /// <summary>An identifier naming a key, secret, signature or MAC on either side of <c>==</c>/<c>!=</c>, or in an <c>Equals</c>.</summary>
    [GeneratedRegex(@"(?i)(\b\w*(signature|secret|hmac|presented)\w*\s*[!=]=(?!=)|[!=]=\s*\w*(signature|secret|hmac|presented)|\w*(signature|secret|hmac|presented)\w*\.Equals\(|(?<!FixedTime)Equals\([^)]*(signature|secret|hmac|presented))")]
    private static partial Regex EarlyExitComparison();
}
