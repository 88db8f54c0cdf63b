using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Invoicing.Client.Http;

/// <summary>
/// Sends one logical call: builds a fresh request per attempt from the same body bytes and the same
/// <c>Idempotency-Key</c>, retries what <see cref="RetryPolicy"/> calls transient where retrying is safe,
/// and turns every failure into an <see cref="InvoicingException"/>.
/// </summary>
internal sealed class ApiTransport(HttpClient http, InvoicingClientOptions options)
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string RequestIdHeader = "Request-Id";

    /// <summary>The client's JSON settings: the records carry their wire names, so the defaults suffice.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private static readonly ProductInfoHeaderValue UserAgent =
        new("Invoicing.Client", typeof(ApiTransport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    /// <summary>The request body as the API will receive it; the same bytes go out on every attempt.</summary>
    public static byte[] Serialize<TBody>(TBody body) => JsonSerializer.SerializeToUtf8Bytes(body, Json);

    public static string PathWithQuery(string path, ListOptions? options)
    {
        var parameters = options?.QueryParameters()
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .ToArray() ?? [];
        return parameters.Length == 0 ? path : $"{path}?{string.Join('&', parameters)}";
    }

    public Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
        where T : class => SendAsync<T>(HttpMethod.Get, pathAndQuery, null, null, cancellationToken);

    public Task<T> PostAsync<T>(string path, byte[]? body, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : class
    {
        var key = requestOptions?.IdempotencyKey ?? (options.GenerateIdempotencyKeys ? Guid.NewGuid().ToString() : null);
        return SendAsync<T>(HttpMethod.Post, path, body, key, cancellationToken);
    }

    /// <summary>
    /// A <c>PATCH</c> (§10): it takes no idempotency key, so it is not repeated after an attempt whose outcome is unknown
    /// (another update may have come between).
    /// </summary>
    public Task<T> PatchAsync<T>(string path, byte[] body, CancellationToken cancellationToken)
        where T : class => SendAsync<T>(HttpMethod.Patch, path, body, null, cancellationToken);

    /// <summary>
    /// A <c>DELETE</c>: retried like a <c>GET</c>, because deleting twice deletes once. When an earlier attempt's
    /// outcome is unknown (no answer, or a 5xx, perhaps from a proxy after the service had done it) and a retry
    /// answers 404 <paramref name="notFoundCode"/>, the thing is gone either way: <paramref name="gone"/> is the result.
    /// </summary>
    public Task<T> DeleteAsync<T>(string path, string notFoundCode, Func<T> gone, CancellationToken cancellationToken)
        where T : class => SendAsync<T>(HttpMethod.Delete, path, null, null, cancellationToken, (notFoundCode, gone));

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        byte[]? body,
        string? idempotencyKey,
        CancellationToken cancellationToken,
        (string NotFoundCode, Func<T> Gone)? deletion = null)
        where T : class
    {
        // A GET changes nothing, and a DELETE or a PATCH does its work once however often it is sent; a POST is repeated
        // only under one Idempotency-Key, so the service runs it once.
        var safeToRepeat = method == HttpMethod.Get || method == HttpMethod.Delete || idempotencyKey is not null;
        var outcomeUnknown = false;
        var uri = new Uri(options.BaseAddress!, pathAndQuery);
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await AttemptAsync<T>(method, uri, body, idempotencyKey, attempt, started, cancellationToken);
            if (outcome.Failure is not { } failure)
            {
                return outcome.Result!;
            }

            if (deletion is { } delete && outcomeUnknown && failure.StatusCode == HttpStatusCode.NotFound && failure.Code == delete.NotFoundCode)
            {
                return delete.Gone();
            }

            outcomeUnknown |= failure.StatusCode is null or >= HttpStatusCode.InternalServerError;

            if (!safeToRepeat || attempt >= options.MaxAttempts || !RetryPolicy.IsTransient(failure))
            {
                throw failure;
            }

            var delay = RetryPolicy.Delay(attempt, outcome.RetryAfter, options, Random.Shared.NextDouble);
            if (time.GetElapsedTime(started) + delay >= options.TotalTimeout)
            {
                throw failure;
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private async Task<Outcome<T>> AttemptAsync<T>(HttpMethod method, Uri uri, byte[]? body, string? idempotencyKey, int attempt, long started, CancellationToken cancellationToken)
        where T : class
    {
        var remaining = options.TotalTimeout - options.TimeProvider.GetElapsedTime(started);
        var timeout = remaining < options.AttemptTimeout ? remaining : options.AttemptTimeout;
        using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCancellation.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(UserAgent);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(attemptCancellation.Token);
            var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            if (!response.IsSuccessStatusCode)
            {
                return new(null, InvoicingException.FromAnswer(response.StatusCode, answer, requestId, idempotencyKey, attempt), RetryAfter(response));
            }

            try
            {
                return new(JsonSerializer.Deserialize<T>(answer, Json) ?? throw new JsonException("The body is null."), null, null);
            }
            catch (JsonException e)
            {
                return new(null, InvoicingException.Unexpected(
                    response.StatusCode, $"The API answered {(int)response.StatusCode} with a body that is not the expected JSON ({typeof(T).Name.Split('`')[0]}).", requestId, idempotencyKey, attempt, e), null);
            }
        }
        catch (HttpRequestException e)
        {
            return new(null, InvoicingException.NoAnswer(e, $"No answer from {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}", idempotencyKey, attempt), null);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, InvoicingException.NoAnswer(e, $"No answer from {uri.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0.###} s.", idempotencyKey, attempt), null);
        }
    }

    /// <summary>The answer's <c>Retry-After</c> (seconds or an HTTP date) as a wait from now, if it has one.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - options.TimeProvider.GetUtcNow(),
        _ => null,
    };

    private readonly record struct Outcome<T>(T? Result, InvoicingException? Failure, TimeSpan? RetryAfter);
}
