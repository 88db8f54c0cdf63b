using Invoicing.Application.Common.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Invoicing.Infrastructure.Redis;

/// <summary>
/// The one StackExchange.Redis connection of this instance, when <c>ConnectionStrings:Redis</c> is set (else it does
/// nothing, and <see cref="Reachable"/> is null). It connects in the background, never stopping the start, and keeps
/// reconnecting. Whether Redis answers is one state for the whole instance: its changes are logged once each (a Warning
/// when it goes, an Information when it is back) and shown by the metrics' <c>invoicing.redis.reachable</c>; while it is
/// down, its users work without it (docs/decisions/0041).
/// </summary>
public sealed class RedisConnection : IRedisReachability, IAsyncDisposable
{
    private const int Connecting = 0;
    private const int Up = 1;
    private const int Down = 2;

    /// <summary>While Redis is down, one command a second tries it again (besides the client's own reconnection).</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly ILogger<RedisConnection> _logger;
    private readonly TimeProvider _time;
    private readonly Task<ConnectionMultiplexer?> _connecting;
    private readonly string _endpoint = string.Empty;
    private ConnectionMultiplexer? _multiplexer;
    private int _state = Connecting;
    private long _nextProbe;
    private long _changedAt;
    private int _disposed;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        IsConfigured = options.Value.IsConfigured;
        if (!IsConfigured)
        {
            _connecting = Task.FromResult<ConnectionMultiplexer?>(null);
            return;
        }

        var configuration = options.Value.ToConfiguration();
        _endpoint = string.Join(",", configuration.EndPoints.Select(e => e.ToString()));
        _connecting = ConnectAsync(configuration);
    }

    public bool IsConfigured { get; }

    public bool? Reachable => IsConfigured ? Volatile.Read(ref _state) == Up : null;

    /// <summary>The connection once made (it may be down meanwhile); null before, or without Redis.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>The connection, waiting for the first attempt to make it (at most the connection string's connect timeout).</summary>
    public Task<ConnectionMultiplexer?> ConnectedAsync() => _connecting;

    /// <summary>
    /// Whether a command should be sent now: yes while Redis answers; while it does not, once a second (the probe whose
    /// answer brings it back); no before the first connection attempt has ended, or without Redis.
    /// </summary>
    public bool ShouldTry()
    {
        switch (Volatile.Read(ref _state))
        {
            case Up:
                return true;
            case Down:
                var now = _time.GetTimestamp();
                var next = Interlocked.Read(ref _nextProbe);
                return now >= next && Interlocked.CompareExchange(ref _nextProbe, now + (long)(ProbeInterval.TotalSeconds * _time.TimestampFrequency), next) == next;
            default:
                return false;
        }
    }

    /// <summary>The moment a command is sent, for <see cref="Answered"/> and <see cref="Failed"/>.</summary>
    public long Now() => _time.GetTimestamp();

    /// <summary>
    /// A command sent at <paramref name="sentAt"/> answered (or the connection came back, when null): Redis is up, logged
    /// once when that is news. The answer of a command sent before Redis was last seen going down says nothing about
    /// now (under load it can arrive after the failure) and changes nothing.
    /// </summary>
    public void Answered(long? sentAt = null)
    {
        if (IsStale(sentAt, Up))
        {
            return;
        }

        if (Interlocked.Exchange(ref _state, Up) != Up)
        {
            Interlocked.Exchange(ref _changedAt, _time.GetTimestamp());
            _logger.LogInformation(
                "Redis at {RedisEndpoint} answers: rate limits are shared by every instance and revocations reach them at once.",
                _endpoint);
        }
    }

    /// <summary>
    /// A command sent at <paramref name="sentAt"/> failed (or the connection dropped, when null): Redis is down, logged
    /// once when that is news. The failure of a command sent before Redis was last seen coming back changes nothing.
    /// </summary>
    public void Failed(string why, long? sentAt = null)
    {
        if (IsStale(sentAt, Down))
        {
            return;
        }

        var before = Interlocked.Exchange(ref _state, Down);
        Interlocked.Exchange(ref _nextProbe, _time.GetTimestamp() + (long)(ProbeInterval.TotalSeconds * _time.TimestampFrequency));
        if (before != Down)
        {
            Interlocked.Exchange(ref _changedAt, _time.GetTimestamp());
            _logger.LogWarning(
                "Redis at {RedisEndpoint} does not answer ({RedisFailure}): until it does, each instance limits each key on its own (up to the rate times the number of instances) and a key revoked elsewhere is still accepted here for up to ApiKeys:CacheSeconds.",
                _endpoint,
                why);
        }
    }

    /// <summary>Whether a result of a command sent at <paramref name="sentAt"/> would flip the state to <paramref name="to"/> although the state changed after it was sent.</summary>
    private bool IsStale(long? sentAt, int to) =>
        sentAt is { } sent && Volatile.Read(ref _state) is var state && state != to && state != Connecting && sent < Interlocked.Read(ref _changedAt);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && await _connecting is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync(ConfigurationOptions configuration)
    {
        try
        {
            // With AbortOnConnectFail off, this returns after the first attempt whether or not it connected, and the client
            // keeps trying; the events below follow every later change.
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
            multiplexer.ConnectionFailed += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive)
                {
                    Failed(e.FailureType.ToString());
                }
            };
            multiplexer.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive)
                {
                    Answered();
                }
            };
            _multiplexer = multiplexer;
            if (multiplexer.IsConnected)
            {
                Answered();
            }
            else
            {
                Failed("not reachable at start");
            }

            return multiplexer;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ArgumentException)
        {
            Failed(e.GetType().Name);
            return null;
        }
    }
}
