using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Invoicing.Client.Http;

namespace Invoicing.Client;

/// <summary>
/// Receiving webhooks: checks the <c>Invoicing-Signature</c> header of a delivery and reads its body as an
/// <see cref="InvoicingEvent"/>. The scheme (§9): the header is <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where
/// <c>&lt;hex&gt;</c> is the lowercase hex HMAC-SHA256 of the UTF-8 bytes of <c>"{t}.{body}"</c>, keyed with the
/// UTF-8 bytes of the endpoint's whole secret (<c>whsec_…</c>). A header is accepted when one of its <c>v1</c>
/// values matches (compared in constant time) and <c>t</c> is within the tolerance of the receiver's clock,
/// which bounds replays. Pass the body exactly as received: parsing and re-serializing it breaks the signature.
/// </summary>
public static class InvoicingWebhook
{
    /// <summary>The name of the signature header of every delivery.</summary>
    public const string SignatureHeader = "Invoicing-Signature";

    /// <summary>How far <c>t</c> may be from the receiver's clock, either way, unless a call says otherwise: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> is a valid signature of <paramref name="body"/> with
    /// <paramref name="secret"/>, made within <paramref name="tolerance"/> of now. Never throws for a missing or
    /// malformed header (it is <see langword="false"/>).
    /// </summary>
    /// <param name="body">The request body exactly as received, as text.</param>
    /// <param name="signatureHeader">The value of the <see cref="SignatureHeader"/> header; <see langword="null"/> when absent.</param>
    /// <param name="secret">The endpoint's secret, <c>whsec_…</c>, from <see cref="WebhookEndpointService.CreateAsync"/>.</param>
    /// <param name="tolerance">How far the signing time may be from now, either way; <see cref="DefaultTolerance"/> when null. Counted in whole seconds.</param>
    /// <param name="time">The receiver's clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty, or <paramref name="tolerance"/> negative (mistakes of the caller, not of the request).</exception>
    public static bool VerifySignature(string body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? time = null) =>
        Check(body, signatureHeader, secret, tolerance, time) is null;

    /// <summary>
    /// The delivered event, after checking its signature as <see cref="VerifySignature"/> does.
    /// </summary>
    /// <inheritdoc cref="VerifySignature" path="/param"/>
    /// <exception cref="InvoicingWebhookException">
    /// The header is missing or malformed, no signature matches, the timestamp is outside the tolerance, or the
    /// signed body is not an event; <see cref="InvoicingWebhookException.Reason"/> says which. Answer such a
    /// request with a 400 and do not act on it.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty, or <paramref name="tolerance"/> negative.</exception>
    public static InvoicingEvent ConstructEvent(string body, string? signatureHeader, string secret, TimeSpan? tolerance = null, TimeProvider? time = null)
    {
        if (Check(body, signatureHeader, secret, tolerance, time) is { } failure)
        {
            throw new InvoicingWebhookException(failure, failure switch
            {
                InvoicingWebhookFailure.MalformedHeader => $"The {SignatureHeader} header is missing or is not 't=<unix seconds>,v1=<64 hex digits>'.",
                InvoicingWebhookFailure.TimestampOutsideTolerance => $"The {SignatureHeader} timestamp is further from now than the tolerance (a replay, or a clock that is off).",
                _ => $"No v1 signature of the {SignatureHeader} header matches the body with this secret.",
            });
        }

        try
        {
            var evt = JsonSerializer.Deserialize<InvoicingEvent>(body, ApiTransport.Json);
            return evt is { Object: "event" }
                ? evt
                : throw new InvoicingWebhookException(InvoicingWebhookFailure.InvalidPayload, "The signed body is not an event object.");
        }
        catch (JsonException e)
        {
            throw new InvoicingWebhookException(InvoicingWebhookFailure.InvalidPayload, "The signed body is not an event's JSON.", e);
        }
    }

    /// <summary>Why the header does not verify, or null when it does. Throws only for the caller's own bad arguments.</summary>
    private static InvoicingWebhookFailure? Check(string body, string? header, string secret, TimeSpan? tolerance, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var window = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero, nameof(tolerance));

        if (!TryParse(header, out var signedAt, out var signatures))
        {
            return InvoicingWebhookFailure.MalformedHeader;
        }

        var age = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds() - signedAt;
        if (Math.Abs((decimal)age) > (decimal)Math.Floor(window.TotalSeconds))
        {
            return InvoicingWebhookFailure.TimestampOutsideTolerance;
        }

        var expected = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{signedAt.ToString(CultureInfo.InvariantCulture)}.{body}"));
        var match = false;
        foreach (var signature in signatures)
        {
            match |= CryptographicOperations.FixedTimeEquals(expected, signature); // every one compared: no early exit
        }

        return match ? null : InvoicingWebhookFailure.SignatureMismatch;
    }

    /// <summary>Reads <c>t=…,v1=…[,v1=…]</c>: the first valid <c>t</c>, and every <c>v1</c> of 64 hex digits; other parts are ignored.</summary>
    private static bool TryParse(string? header, out long timestamp, out List<byte[]> signatures)
    {
        long? t = null;
        signatures = [];
        foreach (var part in (header ?? "").Split(','))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            var (name, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (name == "t" && t is null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                t = parsed;
            }
            else if (name == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        timestamp = t ?? 0;
        return t is not null && signatures.Count > 0;
    }
}

/// <summary>Why <see cref="InvoicingWebhook.ConstructEvent"/> refused a delivery.</summary>
public enum InvoicingWebhookFailure
{
    /// <summary>The signature header is missing, or has no <c>t</c> or no well-formed <c>v1</c>.</summary>
    MalformedHeader,

    /// <summary><c>t</c> is further from the receiver's clock than the tolerance: a replay, or a clock that is off.</summary>
    TimestampOutsideTolerance,

    /// <summary>No <c>v1</c> matches: another secret, or a body changed on the way (or re-serialized before checking).</summary>
    SignatureMismatch,

    /// <summary>The signature is good but the body is not an event object.</summary>
    InvalidPayload,
}

/// <summary>
/// A webhook delivery that <see cref="InvoicingWebhook.ConstructEvent"/> refused: it did not come, unchanged and
/// recently, from the service with this endpoint's secret. Answer it with a 400; never act on it.
/// </summary>
public sealed class InvoicingWebhookException : Exception
{
    internal InvoicingWebhookException(InvoicingWebhookFailure reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    /// <summary>What was wrong.</summary>
    public InvoicingWebhookFailure Reason { get; }
}
