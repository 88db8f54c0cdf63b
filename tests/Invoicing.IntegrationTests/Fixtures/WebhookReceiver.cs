using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// A real HTTP receiver for webhooks: Kestrel on a free port of loopback (or of the address given). It records every request (signature
/// header, exact body and User-Agent) and answers with the status <see cref="Answer"/> gives for the request's number (1, 2, …),
/// after <see cref="Hold"/>'s task for it has completed (a receiver that takes its time).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The status for request number n (from 1); 200 unless a test says otherwise.</summary>
    public Func<int, int> Answer { get; set; } = _ => StatusCodes.Status200OK;

    /// <summary>Awaited before answering request number n (from 1), after it is recorded; none unless a test says otherwise.</summary>
    public Func<int, Task>? Hold { get; set; }

    public string Url { get; private set; } = string.Empty;

    /// <param name="host">Where to listen: loopback unless given (a service in a container reaches its network's gateway).</param>
    public static async Task<WebhookReceiver> StartAsync(IPAddress? host = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host ?? IPAddress.Loopback}:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var number = Interlocked.Increment(ref receiver._count);
            receiver.Requests.Enqueue(new Received(context.Request.Headers["Invoicing-Signature"].ToString(), context.Request.ContentType, body, context.Request.Headers.UserAgent.ToString())
            {
                RemotePort = context.Connection.RemotePort,
            });
            if (receiver.Hold is { } hold)
            {
                await hold(number);
            }

            context.Response.StatusCode = receiver.Answer(number);
            await context.Response.WriteAsync(context.Response.StatusCode >= 300 ? "receiver says no" : "ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Received(string Signature, string? ContentType, string Body, string UserAgent)
    {
        /// <summary>The sender's port: which process sent it (<see cref="ServiceProcess.OwnerOfConnection"/>).</summary>
        public int RemotePort { get; init; }

        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public string Type => Json.GetProperty("type").GetString()!;

        public string ObjectId => Json.GetProperty("data").GetProperty("object").GetProperty("id").GetString()!;
    }
}
