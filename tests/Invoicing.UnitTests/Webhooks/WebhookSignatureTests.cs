using System.Security.Cryptography;
using System.Text;
using Invoicing.Infrastructure.Webhooks;

namespace Invoicing.UnitTests.Webhooks;

/// <summary>The signature scheme of §9: <c>t=…,v1=hex(HMAC-SHA256(secret, "t.body"))</c>, checked in constant time within a tolerance.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_0123456789abcdefghijABCDEFGHIJKL";
    private const string Body = """{"id":"019aa8f2-0000-7000-8000-000000000000","object":"event"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Fact]
    public void The_header_is_the_timestamp_and_the_hex_hmac_of_timestamp_dot_body()
    {
        var t = Now.ToUnixTimeSeconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{Body}")));

        WebhookSignature.Sign(Secret, t, Body).ShouldBe($"t={t},v1={expected}");
    }

    [Fact]
    public void A_signature_verifies_with_its_secret_and_body_only()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        WebhookSignature.Verify(header, Secret, Body, Tolerance, Now).ShouldBeTrue();
        WebhookSignature.Verify(header, Secret + "x", Body, Tolerance, Now).ShouldBeFalse();
        WebhookSignature.Verify(header, Secret, Body.Replace("event", "evnt", StringComparison.Ordinal), Tolerance, Now).ShouldBeFalse();
    }

    [Fact]
    public void A_timestamp_outside_the_tolerance_is_refused_either_way()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        WebhookSignature.Verify(header, Secret, Body, Tolerance, Now + Tolerance).ShouldBeTrue();
        WebhookSignature.Verify(header, Secret, Body, Tolerance, Now + Tolerance + TimeSpan.FromSeconds(1)).ShouldBeFalse();
        WebhookSignature.Verify(header, Secret, Body, Tolerance, Now - Tolerance - TimeSpan.FromSeconds(1)).ShouldBeFalse();
    }

    [Fact]
    public void Any_of_several_v1_signatures_may_match()
    {
        var valid = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var other = WebhookSignature.Sign("whsec_other", Now.ToUnixTimeSeconds(), Body).Split(",v1=")[1];

        WebhookSignature.Verify($"{valid},v1={other}", Secret, Body, Tolerance, Now).ShouldBeTrue();
        WebhookSignature.Verify($"t={Now.ToUnixTimeSeconds()},v1={other}", Secret, Body, Tolerance, Now).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=,v1=")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795341600")]
    [InlineData("t=1795341600,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-1795341600,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_malformed_header_is_refused_without_throwing(string? header) =>
        WebhookSignature.Verify(header, Secret, Body, Tolerance, Now).ShouldBeFalse();

    [Theory]
    [InlineData(1, 30, 60)]
    [InlineData(2, 60, 120)]
    [InlineData(3, 120, 240)]
    [InlineData(10, 15360, 30720)]
    public void Retry_delays_double_with_jitter_in_the_upper_half(int failures, int minSeconds, int maxSeconds)
    {
        var baseDelay = TimeSpan.FromMinutes(1);

        WebhookDispatcher.RetryDelay(baseDelay, failures, 0).ShouldBe(TimeSpan.FromSeconds(minSeconds));
        WebhookDispatcher.RetryDelay(baseDelay, failures, 0.999).ShouldBeLessThan(TimeSpan.FromSeconds(maxSeconds));
        WebhookDispatcher.RetryDelay(baseDelay, failures + 1, 0).ShouldBeGreaterThanOrEqualTo(WebhookDispatcher.RetryDelay(baseDelay, failures, 0.999));
    }
}
