using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Invoicing.Application.Common.Errors;
using Invoicing.Domain.Common;
using Invoicing.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// What only a real HTTP server shows (the in-memory server of the other tests parses no bytes): the service behind
/// Kestrel on a loopback port, spoken to byte by byte. Chunked bodies Kestrel cannot parse, the request-line and header
/// limits (the application's, answered with the envelope, and Kestrel's own above them), and clients that give up in
/// the middle of a body (docs/decisions/0033).
/// </summary>
public sealed class KestrelEdgeTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = ApiFactory.Sqlite();
    private int _port;
    private string _key = "";

    private string Authorization => $"Authorization: Bearer {_key}\r\n";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(1); // 30 s by default: the 408 below comes sooner
        });
        _factory.StartServer();
        _port = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
        _key = (await _factory.CreateKeyAsync(ApiEnvironment.Test)).Secret;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("80000000")]
    [InlineData("fffffffff")]
    public async Task A_chunk_size_beyond_32_bits_is_invalid_request_on_every_body_route(string chunkSize)
    {
        var routes = (await ApiSurface.LoadAsync(_factory)).Routes.Where(r => r.Body is not null).ToList();
        routes.Count.ShouldBeGreaterThanOrEqualTo(4);
        var logged = _factory.Logs.Records.Count;

        foreach (var route in routes)
        {
            var answer = await RawHttp.SendAsync(_port,
                $"{route.Method} {route.Template} HTTP/1.1\r\nHost: localhost\r\n{Authorization}Content-Type: application/json\r\n" +
                $"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunkSize}\r\n{{\"name\":\"a\"}}\r\n0\r\n\r\n");

            ShouldBeEnvelope(answer, 400, "invalid_request", route.Name);
        }

        _factory.Logs.Records.Skip(logged).ShouldNotContain(r => r.Level >= LogLevel.Error);
    }

    // Keep-alive requests: the answer must close the connection (the rest of the body is never read), or a client would
    // send its next request on a connection the server drops. RawHttp reads until the server closes.
    [Fact]
    public async Task A_chunked_body_over_one_mebibyte_is_payload_too_large_and_the_answer_closes_the_connection()
    {
        var chunk = new string(' ', 64 * 1024);
        var body = string.Concat(Enumerable.Repeat($"{chunk.Length:x}\r\n{chunk}\r\n", 17));

        var answer = await RawHttp.SendAsync(_port,
            $"POST /v1/counterparties HTTP/1.1\r\nHost: localhost\r\n{Authorization}Content-Type: application/json\r\n" +
            $"Transfer-Encoding: chunked\r\n\r\n{body}0\r\n\r\n");

        ShouldBeEnvelope(answer, 413, "payload_too_large");
        answer.Headers.GetValueOrDefault("connection").ShouldBe("close");
    }

    [Fact]
    public async Task A_content_length_over_one_mebibyte_is_payload_too_large_at_once_and_the_answer_closes_the_connection()
    {
        var answer = await RawHttp.SendAsync(_port,
            $"POST /v1/invoices HTTP/1.1\r\nHost: localhost\r\n{Authorization}Content-Type: application/json\r\n" +
            $"Content-Length: {(1024 * 1024) + 1}\r\n\r\n{{\"note\":\"");

        ShouldBeEnvelope(answer, 413, "payload_too_large");
        answer.Headers.GetValueOrDefault("connection").ShouldBe("close");
    }

    [Fact]
    public async Task A_request_target_or_headers_over_the_applications_limits_get_the_envelope_whatever_the_key()
    {
        var longTarget = await RawHttp.SendAsync(_port, $"GET /v1/invoices?padding={new string('a', 10 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        var bigHeader = await RawHttp.SendAsync(_port, $"GET /v1/invoices HTTP/1.1\r\nHost: localhost\r\n{Authorization}X-Padding: {new string('a', 40 * 1024)}\r\nConnection: close\r\n\r\n");
        var manyHeaders = await RawHttp.SendAsync(_port, $"GET /v1/invoices HTTP/1.1\r\nHost: localhost\r\n{Authorization}{Headers(150)}Connection: close\r\n\r\n");
        var justUnder = await RawHttp.SendAsync(_port, $"GET /v1/invoices?padding={new string('a', (8 * 1024) - "/v1/invoices?padding=".Length)} HTTP/1.1\r\nHost: localhost\r\n{Authorization}Connection: close\r\n\r\n");

        ShouldBeEnvelope(longTarget, 414, "uri_too_long");
        ShouldBeEnvelope(bigHeader, 431, "headers_too_large");
        ShouldBeEnvelope(manyHeaders, 431, "headers_too_large");
        justUnder.Status.ShouldBe(200, justUnder.Body); // unknown parameters are ignored
    }

    /// <summary>What the application never sees, so Kestrel still answers by itself, bodiless (docs/limits.md, docs/decisions/0033).</summary>
    [Theory]
    [InlineData("target over Kestrel's limit", 414)]
    [InlineData("headers over Kestrel's limit", 431)]
    [InlineData("headers over Kestrel's header count", 431)]
    [InlineData("headers not complete in time", 408)]
    [InlineData("HTTP version", 505)]
    [InlineData("asterisk target", 405)]
    public async Task Beyond_the_servers_own_limits_Kestrel_answers_without_the_envelope(string what, int status)
    {
        var request = what switch
        {
            "target over Kestrel's limit" => $"GET /v1/invoices?padding={new string('a', 20 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n",
            "headers over Kestrel's limit" => $"GET /v1/invoices HTTP/1.1\r\nHost: localhost\r\nX-Padding: {new string('a', 70 * 1024)}\r\n\r\n",
            "headers over Kestrel's header count" => $"GET /v1/invoices HTTP/1.1\r\nHost: localhost\r\n{Headers(250)}\r\n",
            "headers not complete in time" => "GET /v1/invoices HTTP/1.1\r\nHost: localhost\r\n",
            "HTTP version" => "GET /v1/invoices HTTP/1.2\r\nHost: localhost\r\n\r\n",
            _ => "GET * HTTP/1.1\r\nHost: localhost\r\n\r\n",
        };

        var answer = await RawHttp.SendAsync(_port, request);

        answer.Status.ShouldBe(status);
        answer.Body.ShouldBeEmpty();
        answer.Headers.Keys.ShouldNotContain("request-id");
    }

    [Fact]
    public async Task Clients_that_give_up_in_the_middle_of_a_body_log_no_error_or_warning()
    {
        var logged = _factory.Logs.Records.Count;
        var clients = new List<TcpClient>();
        for (var i = 0; i < 20; i++)
        {
            clients.Add(await RawHttp.StartAsync(_port,
                $"POST /v1/counterparties HTTP/1.1\r\nHost: localhost\r\n{Authorization}Content-Type: application/json\r\n" +
                (i % 4 == 0 ? "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"nam\r\n" : "Content-Length: 100\r\n\r\n{\"nam")));
        }

        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // the service is reading the bodies
        for (var i = 0; i < clients.Count; i++)
        {
            if (i % 2 == 0)
            {
                clients[i].LingerState = new LingerOption(true, 0); // a reset (RST) rather than a close (FIN)
            }

            clients[i].Dispose();
        }

        for (var attempt = 0; attempt < 300 && RequestLines(logged) < clients.Count; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken); // anything the server logs after the request line
        RequestLines(logged).ShouldBe(clients.Count);
        var problems = _factory.Logs.Records.Skip(logged).Where(r => r.Level >= LogLevel.Warning).Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}").ToList();
        problems.ShouldBeEmpty();
    }

    // HttpClient removes dot segments before it sends, so only raw bytes show what the server does with them: it removes
    // them too (RFC 3986 §5.2.4), and "." or ".." in an id's place is never an id.
    [Theory]
    [InlineData("/v1/invoices/.", 200)]
    [InlineData("/v1/invoices/./", 200)]
    [InlineData("/v1/counterparties/x/..", 200)]
    [InlineData("/v1/invoices/..", 404)]
    public async Task A_dot_segment_in_an_ids_place_is_removed_before_routing(string target, int status)
    {
        var answer = await RawHttp.SendAsync(_port, $"GET {target} HTTP/1.1\r\nHost: localhost\r\n{Authorization}Connection: close\r\n\r\n");

        answer.Status.ShouldBe(status, answer.Body);
        if (status == 200)
        {
            JsonDocument.Parse(answer.Body).RootElement.GetProperty("object").GetString().ShouldBe("list");
        }
        else
        {
            ShouldBeEnvelope(answer, status, ErrorCodes.RouteNotFound);
        }
    }

    private static string Headers(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"X-Header-{i}: {i}\r\n"));

    private static void ShouldBeEnvelope(RawResponse answer, int status, string code, string? context = null)
    {
        answer.Status.ShouldBe(status, $"{context} {answer.Body}");
        answer.Headers.GetValueOrDefault("content-type").ShouldBe("application/json; charset=utf-8");
        answer.Headers.Keys.ShouldContain("request-id");
        var json = JsonDocument.Parse(answer.Body).RootElement;
        json.EnumerateObject().Select(p => p.Name).ShouldBe(["code", "detail", "errors"]);
        json.GetProperty("code").GetString().ShouldBe(code);
    }

    private int RequestLines(int since) =>
        _factory.Logs.Records.Skip(since).Count(r => r.Message.StartsWith("HTTP POST /v1/counterparties responded", StringComparison.Ordinal));
}
