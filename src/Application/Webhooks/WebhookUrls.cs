using System.Net;
using System.Net.Sockets;

namespace Invoicing.Application.Webhooks;

/// <summary>
/// The server-side request forgery guard of §9: endpoint URLs must be absolute http(s), and must not name
/// loopback, private, link-local or otherwise internal addresses unless <see cref="WebhookOptions.AllowPrivateUrls"/>.
/// Checked on the URL when an endpoint is created and again on the resolved address when a delivery connects.
/// </summary>
public static class WebhookUrls
{
    public const string InvalidUrlMessage = "Enter a valid URL.";
    public const string PrivateUrlMessage = "URLs on loopback or private networks are not allowed.";

    public static bool IsValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) && !url.Any(char.IsWhiteSpace);

    /// <summary>Whether the URL's host is a private address literal or a name that is local by definition.</summary>
    public static bool IsPrivate(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IsPrivate(address);
    }

    /// <summary>Loopback, private (RFC 1918, fc00::/7), link-local, CGNAT, unspecified, multicast and broadcast addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (bytes[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127, // 100.64.0.0/10
            169 => b[1] == 254, // link-local, cloud metadata
            172 => b[1] is >= 16 and <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
            198 => b[1] is 18 or 19, // benchmarking
            >= 224 => true, // multicast, reserved, broadcast
            _ => false,
        };
    }
}
