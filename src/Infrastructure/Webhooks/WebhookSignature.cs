using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Invoicing.Infrastructure.Webhooks;

/// <summary>
/// The webhook signature scheme of §9, self-contained (only the BCL) so that the client library can carry
/// an identical copy.
/// <para>
/// Each delivery is a <c>POST</c> whose header <c>Invoicing-Signature</c> is
/// <c>t=&lt;unix seconds&gt;,v1=&lt;signature&gt;</c>, where the signature is the lowercase hex
/// HMAC-SHA256 of the UTF-8 bytes of <c>"{t}.{body}"</c> (the timestamp as decimal digits, a dot, then the
/// exact body text), keyed with the UTF-8 bytes of the endpoint's whole secret (<c>whsec_…</c>, prefix
/// included).
/// </para>
/// <para>
/// A receiver verifies with <see cref="Verify"/>: it accepts the header when one of its <c>v1</c> values
/// matches (compared in constant time) and <c>t</c> is within the tolerance of its clock, which bounds replays.
/// </para>
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Invoicing-Signature";

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, string body) =>
        $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Compute(secret, timestamp, body))}";

    /// <summary>
    /// Whether <paramref name="header"/> is a valid signature of <paramref name="body"/> with <paramref name="secret"/>,
    /// made no further than <paramref name="tolerance"/> from <paramref name="now"/>. Never throws for a malformed header.
    /// </summary>
    public static bool Verify(string? header, string secret, string body, TimeSpan tolerance, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var separator = part.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            var (name, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (name == "t" && timestamp is null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (name == "v1" && value.Length == 64 && TryFromHex(value) is { } signature)
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is not { } signedAt || signatures.Count == 0)
        {
            return false;
        }

        var age = now.ToUnixTimeSeconds() - signedAt;
        if (Math.Abs((decimal)age) > (decimal)Math.Floor(tolerance.TotalSeconds))
        {
            return false;
        }

        var expected = Compute(secret, signedAt, body);
        var match = false;
        foreach (var signature in signatures)
        {
            match |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return match;
    }

    private static byte[] Compute(string secret, long timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));

    private static byte[]? TryFromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
