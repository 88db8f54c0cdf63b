using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// HTTP/1.1 spoken byte by byte to a server on a loopback port, for what a well-behaved client cannot send (a chunk size
/// beyond 32 bits, a request line over the server's limit, a body the client abandons).
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> as it is and reads the answer until the server closes the connection.</summary>
    public static async Task<RawResponse> SendAsync(int port, byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(request, TestContext.Current.CancellationToken);
        using var answer = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await stream.CopyToAsync(answer, timeout.Token);
        }
        catch (IOException)
        {
            // The server may reset the connection once it has answered (it refused to read the rest of the request).
        }

        return RawResponse.Parse(answer.ToArray());
    }

    public static Task<RawResponse> SendAsync(int port, string request) => SendAsync(port, Encoding.Latin1.GetBytes(request));

    /// <summary>Opens a connection and sends the start of a request, leaving the connection open.</summary>
    public static async Task<TcpClient> StartAsync(int port, string requestStart)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        await client.GetStream().WriteAsync(Encoding.Latin1.GetBytes(requestStart), TestContext.Current.CancellationToken);
        return client;
    }
}

/// <summary>A parsed HTTP/1.1 answer: status, headers (names lowercased), body (chunked transfer decoded).</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        end.ShouldBeGreaterThan(0, $"no complete answer: {text}");
        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = text[(end + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
        {
            var decoded = new StringBuilder();
            for (var at = 0; ;)
            {
                var lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = Convert.ToInt32(body[at..lineEnd], 16);
                if (size == 0)
                {
                    break;
                }

                decoded.Append(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }

            body = decoded.ToString();
        }

        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)));
    }
}
