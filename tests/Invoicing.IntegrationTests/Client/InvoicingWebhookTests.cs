using Invoicing.Client;
using Invoicing.Infrastructure.Webhooks;
using Invoicing.IntegrationTests.Fixtures;

namespace Invoicing.IntegrationTests.Client;

/// <summary>
/// The client's verifier (<see cref="InvoicingWebhook"/>) against what the service signs: the service's own
/// <see cref="WebhookSignature"/> makes every header here, and the two verifiers must agree on every header, so the
/// two copies of the scheme cannot drift apart unnoticed.
/// </summary>
public sealed class InvoicingWebhookTests
{
    private const string Secret = "whsec_0123456789abcdefghijABCDEFGHIJKL";
    private const string Body = """{"object":"event","id":"019aa8f2-0000-7000-8000-000000000001","type":"invoice.paid","environment":"test","created_at":"2026-11-22T10:00:00Z","data":{"object":{"object":"invoice","id":"019aa8f2-0000-7000-8000-000000000002","status":"paid","note":"May’s Annual Tire Order 🛞"}}}""";
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly ManualClock _clock = new();

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [Theory]
    [InlineData(Body)]
    [InlineData("")]
    [InlineData("{\"a\":\"line\\nbreak\"}\n")]
    [InlineData("naïve ünïcödé — ✓ 🧾")]
    public void What_the_service_signs_verifies(string body)
    {
        var header = WebhookSignature.Sign(Secret, Now, body);

        InvoicingWebhook.VerifySignature(body, header, Secret, time: _clock).ShouldBeTrue();
        WebhookSignature.Verify(header, Secret, body, Tolerance, _clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public void A_signed_event_is_read_typed()
    {
        var evt = InvoicingWebhook.ConstructEvent(Body, WebhookSignature.Sign(Secret, Now, Body), Secret, time: _clock);

        (evt.Id, evt.Object, evt.Type, evt.Environment).ShouldBe((Guid.Parse("019aa8f2-0000-7000-8000-000000000001"), "event", InvoicingEventTypes.InvoicePaid, InvoicingEnvironment.Test));
        evt.CreatedAt.ShouldBe(_clock.Start);
        evt.Data.ObjectType.ShouldBe("invoice");
        var invoice = evt.Data.AsInvoice();
        (invoice.Id, invoice.Status, invoice.Note).ShouldBe((Guid.Parse("019aa8f2-0000-7000-8000-000000000002"), InvoiceStatus.Paid, "May’s Annual Tire Order 🛞"));
        Should.Throw<InvalidOperationException>(() => evt.Data.AsCounterparty()).Message.ShouldContain("'invoice'");
    }

    [Fact]
    public void A_changed_body_or_another_secret_does_not_verify()
    {
        var header = WebhookSignature.Sign(Secret, Now, Body);

        Refused(Body.Replace("paid", "void", StringComparison.Ordinal), header, Secret).ShouldBe(InvoicingWebhookFailure.SignatureMismatch);
        Refused(Body + " ", header, Secret).ShouldBe(InvoicingWebhookFailure.SignatureMismatch);
        Refused(Body, header, "whsec_" + new string('x', 32)).ShouldBe(InvoicingWebhookFailure.SignatureMismatch);
        Refused(Body, header, Secret["whsec_".Length..]).ShouldBe(InvoicingWebhookFailure.SignatureMismatch); // the key is the whole secret, prefix included
        Refused(Body, header.Replace($"t={Now}", $"t={Now - 1}", StringComparison.Ordinal), Secret).ShouldBe(InvoicingWebhookFailure.SignatureMismatch); // t is signed too
    }

    [Fact]
    public void A_timestamp_beyond_the_tolerance_either_way_is_refused_and_the_edge_is_accepted()
    {
        var old = WebhookSignature.Sign(Secret, Now - (long)Tolerance.TotalSeconds - 1, Body);
        var future = WebhookSignature.Sign(Secret, Now + (long)Tolerance.TotalSeconds + 1, Body);
        var edge = WebhookSignature.Sign(Secret, Now - (long)Tolerance.TotalSeconds, Body);

        Refused(Body, old, Secret).ShouldBe(InvoicingWebhookFailure.TimestampOutsideTolerance);
        Refused(Body, future, Secret).ShouldBe(InvoicingWebhookFailure.TimestampOutsideTolerance);
        InvoicingWebhook.VerifySignature(Body, edge, Secret, time: _clock).ShouldBeTrue();
        InvoicingWebhook.VerifySignature(Body, old, Secret, TimeSpan.FromMinutes(10), _clock).ShouldBeTrue();
        InvoicingWebhook.VerifySignature(Body, edge, Secret, TimeSpan.FromMinutes(1), _clock).ShouldBeFalse();
        foreach (var header in new[] { old, future, edge })
        {
            InvoicingWebhook.VerifySignature(Body, header, Secret, Tolerance, _clock)
                .ShouldBe(WebhookSignature.Verify(header, Secret, Body, Tolerance, _clock.GetUtcNow()));
        }
    }

    [Fact]
    public void Without_a_clock_the_system_clock_and_five_minutes_apply()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        InvoicingWebhook.DefaultTolerance.ShouldBe(TimeSpan.FromMinutes(5));
        InvoicingWebhook.VerifySignature(Body, WebhookSignature.Sign(Secret, now - 240, Body), Secret).ShouldBeTrue();
        InvoicingWebhook.VerifySignature(Body, WebhookSignature.Sign(Secret, now - 360, Body), Secret).ShouldBeFalse();
        InvoicingWebhook.VerifySignature(Body, WebhookSignature.Sign(Secret, now + 360, Body), Secret).ShouldBeFalse();
    }

    [Fact]
    public void Any_of_several_v1_signatures_may_match_in_any_position()
    {
        var valid = WebhookSignature.Sign(Secret, Now, Body).Split(",v1=")[1];
        var other = WebhookSignature.Sign("whsec_rotated", Now, Body).Split(",v1=")[1];

        InvoicingWebhook.VerifySignature(Body, $"t={Now},v1={other},v1={valid}", Secret, time: _clock).ShouldBeTrue();
        InvoicingWebhook.VerifySignature(Body, $"t={Now},v1={valid},v1={other}", Secret, time: _clock).ShouldBeTrue();
        InvoicingWebhook.VerifySignature(Body, $"t={Now},v1={other}", "whsec_rotated", time: _clock).ShouldBeTrue();
        Refused(Body, $"t={Now},v1={other},v1={other}", Secret).ShouldBe(InvoicingWebhookFailure.SignatureMismatch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("t=,v1=")]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795341600")]
    [InlineData("t=1795341600,v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795341600,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1795341600,v1=000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-1795341600,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=+1795341600,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=99999999999999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("=,=,,,")]
    public void A_malformed_header_is_refused_without_throwing(string? header)
    {
        InvoicingWebhook.VerifySignature(Body, header, Secret, time: _clock).ShouldBeFalse();
        Refused(Body, header, Secret).ShouldBe(InvoicingWebhookFailure.MalformedHeader);
        WebhookSignature.Verify(header, Secret, Body, Tolerance, _clock.GetUtcNow()).ShouldBeFalse();
    }

    /// <summary>Headers both verifiers must judge alike: how the service reads its scheme is how the client reads it.</summary>
    [Theory]
    [InlineData("{sig}", true)]
    [InlineData(" t = {t} , v1 = {hex} ", true)]
    [InlineData("t={t},v1={HEX}", true)]
    [InlineData("v1={hex},t={t}", true)]
    [InlineData("t={t},t=1,v1={hex}", true)]
    [InlineData("t=1,t={t},v1={hex}", false)]
    [InlineData("t={t},v1={hex},extra,v2=whatever,=x", true)]
    [InlineData("t={t};v1={hex}", false)]
    [InlineData("T={t},V1={hex}", false)]
    [InlineData("t={t},v1={hex}0", false)]
    [InlineData("t={t}.0,v1={hex}", false)]
    public void The_client_and_the_service_agree_on_every_header(string template, bool valid)
    {
        var signature = WebhookSignature.Sign(Secret, Now, Body);
        var hex = signature.Split(",v1=")[1];
        var header = template
            .Replace("{sig}", signature, StringComparison.Ordinal)
            .Replace("{t}", Now.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{hex}", hex, StringComparison.Ordinal)
            .Replace("{HEX}", hex.ToUpperInvariant(), StringComparison.Ordinal);

        WebhookSignature.Verify(header, Secret, Body, Tolerance, _clock.GetUtcNow()).ShouldBe(valid, header);
        InvoicingWebhook.VerifySignature(Body, header, Secret, Tolerance, _clock).ShouldBe(valid, header);
    }

    [Fact]
    public void A_well_signed_body_that_is_not_an_event_is_an_invalid_payload()
    {
        foreach (var body in new[] { "not json", "[]", """{"object":"invoice","id":"019aa8f2-0000-7000-8000-000000000002"}""" })
        {
            Refused(body, WebhookSignature.Sign(Secret, Now, body), Secret).ShouldBe(InvoicingWebhookFailure.InvalidPayload, body);
        }
    }

    [Fact]
    public void The_callers_own_mistakes_are_argument_exceptions()
    {
        var header = WebhookSignature.Sign(Secret, Now, Body);

        Should.Throw<ArgumentException>(() => InvoicingWebhook.VerifySignature(Body, header, "", time: _clock));
        Should.Throw<ArgumentOutOfRangeException>(() => InvoicingWebhook.VerifySignature(Body, header, Secret, TimeSpan.FromSeconds(-1), _clock));
        Should.Throw<ArgumentNullException>(() => InvoicingWebhook.ConstructEvent(null!, header, Secret, time: _clock));
        InvoicingWebhook.SignatureHeader.ShouldBe(WebhookSignature.HeaderName);
    }

    /// <summary>Why <see cref="InvoicingWebhook.ConstructEvent"/> refuses it; <see cref="InvoicingWebhook.VerifySignature"/> agrees (it checks the signature only).</summary>
    private InvoicingWebhookFailure Refused(string body, string? header, string secret)
    {
        var reason = Should.Throw<InvoicingWebhookException>(() => InvoicingWebhook.ConstructEvent(body, header, secret, Tolerance, _clock)).Reason;
        InvoicingWebhook.VerifySignature(body, header, secret, Tolerance, _clock).ShouldBe(reason == InvoicingWebhookFailure.InvalidPayload);
        return reason;
    }
}
