using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Invoicing.Infrastructure.Redis;

/// <summary>
/// <c>ConnectionStrings:Redis</c>: a StackExchange.Redis connection string (<c>host:port,password=…,ssl=true</c>). Unset or
/// blank: no Redis, and the rate limits and the key cache are per instance, as they always were (docs/decisions/0041).
/// </summary>
public sealed class RedisOptions
{
    public const string ConnectionStringName = "Redis";

    /// <summary>How long a command may take unless the connection string says (<c>asyncTimeout=</c>): a request waits for it.</summary>
    public const int DefaultTimeoutMilliseconds = 1000;

    public string? ConnectionString { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// The client's settings: the connection string's, and always serving without Redis (no failed start when it is down,
    /// commands fail at once while it is disconnected instead of queueing, a reconnection attempt every second).
    /// </summary>
    public ConfigurationOptions ToConfiguration()
    {
        var configuration = ConfigurationOptions.Parse(ConnectionString!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        if (!ConnectionString!.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            configuration.AsyncTimeout = DefaultTimeoutMilliseconds;
        }

        if (!ConnectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase))
        {
            configuration.SyncTimeout = DefaultTimeoutMilliseconds;
        }

        configuration.ClientName ??= "invoicing";
        return configuration;
    }

    /// <summary>A connection string the client cannot read stops the start with one line (never the string: it may hold a password).</summary>
    internal sealed class Validator : IValidateOptions<RedisOptions>
    {
        public ValidateOptionsResult Validate(string? name, RedisOptions options)
        {
            if (!options.IsConfigured)
            {
                return ValidateOptionsResult.Success;
            }

            try
            {
                _ = options.ToConfiguration();
                return ValidateOptionsResult.Success;
            }
            catch (Exception e) when (e is ArgumentException or RedisException or FormatException)
            {
                return ValidateOptionsResult.Fail($"ConnectionStrings:{ConnectionStringName} is not a StackExchange.Redis connection string (host:port[,option=value…]; see docs/configuration.md).");
            }
        }
    }
}
