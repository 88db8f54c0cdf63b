namespace Invoicing.Client;

/// <summary>
/// Settings of an <see cref="InvoicingClient"/>: the key, where the API is, and the retry policy
/// (docs/decisions/0013). The defaults suit most callers; only <see cref="ApiKey"/> and
/// <see cref="BaseAddress"/> usually need setting.
/// </summary>
public sealed class InvoicingClientOptions
{
    /// <summary>The secret API key, <c>sk_test_…</c> or <c>sk_live_…</c>. Required.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The service's address, for example <c>http://localhost:5080/</c>. When <see langword="null"/>, the
    /// <see cref="HttpClient.BaseAddress"/> of the client's <see cref="HttpClient"/> is used.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How many attempts one call makes at most, the first included (1 turns retries off). Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; each further retry doubles it, up to <see cref="MaxRetryDelay"/>. Default 0.5 s.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts when the API gives no <c>Retry-After</c>. Default 8 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest one call may take, attempts and waits together. The client does not start a wait that would
    /// end after it (it throws the last failure instead), and cuts off an attempt that runs past it. Default 60 s.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest one attempt may wait for its answer. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a <c>POST</c> without <see cref="RequestOptions.IdempotencyKey"/> gets a new key of its own
    /// (default). Turned off, such a <c>POST</c> is never retried, because repeating it could do it twice.
    /// </summary>
    public bool GenerateIdempotencyKeys { get; set; } = true;

    /// <summary>The clock of the retry waits and of <see cref="TotalTimeout"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal InvoicingClientOptions Validated(HttpClient httpClient)
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("Set InvoicingClientOptions.ApiKey to the secret API key (sk_test_… or sk_live_…).", nameof(ApiKey));
        }

        var baseAddress = BaseAddress ?? httpClient.BaseAddress
            ?? throw new ArgumentException("Set InvoicingClientOptions.BaseAddress (or the HttpClient's BaseAddress) to the service's address.", nameof(BaseAddress));
        if (!baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base address must be absolute, not '{baseAddress}'.", nameof(BaseAddress));
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt.");
        }

        foreach (var (name, value) in new[] { (nameof(InitialRetryDelay), InitialRetryDelay), (nameof(MaxRetryDelay), MaxRetryDelay), (nameof(TotalTimeout), TotalTimeout), (nameof(AttemptTimeout), AttemptTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
            }
        }

        return new InvoicingClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/"),
            MaxAttempts = MaxAttempts,
            InitialRetryDelay = InitialRetryDelay,
            MaxRetryDelay = MaxRetryDelay,
            TotalTimeout = TotalTimeout,
            AttemptTimeout = AttemptTimeout,
            GenerateIdempotencyKeys = GenerateIdempotencyKeys,
            TimeProvider = TimeProvider,
        };
    }
}
