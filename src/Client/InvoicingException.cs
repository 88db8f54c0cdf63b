using System.Net;
using System.Text.Json;

namespace Invoicing.Client;

/// <summary>
/// Every failure of a call: an error answer of the API (its envelope <c>{code, detail, errors}</c>, plus
/// <see cref="Items"/> for a batch), or no answer at all (<see cref="InvoicingErrorKind.Network"/>). It is
/// thrown after the client's retries are spent, or at once when retrying would not help or is not safe.
/// Branch on <see cref="Code"/>; for a code you do not know, fall back on <see cref="Kind"/>.
/// A cancelled <see cref="CancellationToken"/> throws <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class InvoicingException : Exception
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFieldErrors = new Dictionary<string, IReadOnlyList<string>>();

    internal InvoicingException(
        HttpStatusCode? statusCode,
        string? code,
        string detail,
        IReadOnlyList<InvoicingFieldError> errors,
        IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>? items,
        string? requestId,
        string? idempotencyKey,
        int attempts,
        Exception? innerException = null)
        : base(Describe(statusCode, code, detail, requestId), innerException)
    {
        StatusCode = statusCode;
        Code = code;
        Detail = detail;
        Errors = errors;
        Items = items;
        RequestId = requestId;
        IdempotencyKey = idempotencyKey;
        Attempts = attempts;
        Kind = Classify(statusCode);
    }

    /// <summary>The HTTP status of the last answer; <see langword="null"/> when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// The envelope's <c>code</c> (compare with <see cref="InvoicingErrorCodes"/>); <see langword="null"/> when the
    /// answer had no envelope (for example an HTML page from a proxy) or no answer arrived.
    /// </summary>
    public string? Code { get; }

    /// <summary>The envelope's <c>detail</c>, a sentence for people and logs; never match on it.</summary>
    public string Detail { get; }

    /// <summary>The envelope's field errors; empty when no single field is at fault.</summary>
    public IReadOnlyList<InvoicingFieldError> Errors { get; }

    /// <summary>
    /// For a refused batch: one entry per submitted invoice, in request order, mapping each failing field to its
    /// messages (empty for an invoice without errors). <see langword="null"/> when the answer has no <c>items</c>.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<string>>>? Items { get; }

    /// <summary>The <c>Request-Id</c> of the last answer, to quote when asking about it; <see langword="null"/> when no answer arrived.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>Idempotency-Key</c> the call sent (every attempt sent the same); <see langword="null"/> for a <c>GET</c>.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>How many attempts the call made.</summary>
    public int Attempts { get; }

    /// <summary>The failure's kind by HTTP status family, so that an unknown <see cref="Code"/> is still usable.</summary>
    public InvoicingErrorKind Kind { get; }

    internal static InvoicingErrorKind Classify(HttpStatusCode? statusCode) => statusCode switch
    {
        null => InvoicingErrorKind.Network,
        HttpStatusCode.BadRequest => InvoicingErrorKind.InvalidRequest,
        HttpStatusCode.Unauthorized => InvoicingErrorKind.Authentication,
        HttpStatusCode.NotFound => InvoicingErrorKind.NotFound,
        HttpStatusCode.Conflict => InvoicingErrorKind.Conflict,
        HttpStatusCode.TooManyRequests => InvoicingErrorKind.RateLimited,
        >= (HttpStatusCode)400 and < (HttpStatusCode)500 => InvoicingErrorKind.ClientError,
        >= (HttpStatusCode)500 and < (HttpStatusCode)600 => InvoicingErrorKind.ServerError,
        _ => InvoicingErrorKind.UnexpectedResponse,
    };

    /// <summary>Reads an error answer. Tolerant: any body, even one that is not an envelope, gives a usable exception.</summary>
    internal static InvoicingException FromAnswer(HttpStatusCode status, byte[] body, string? requestId, string? idempotencyKey, int attempts)
    {
        string? code = null;
        string? detail = null;
        var errors = new List<InvoicingFieldError>();
        List<IReadOnlyDictionary<string, IReadOnlyList<string>>>? items = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = String(root, "code");
                detail = String(root, "detail");
                if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    errors.AddRange(list.EnumerateArray()
                        .Where(e => e.ValueKind == JsonValueKind.Object)
                        .Select(e => new InvoicingFieldError(String(e, "field") ?? "", String(e, "code") ?? "", String(e, "message") ?? "")));
                }

                if (root.TryGetProperty("items", out var itemList) && itemList.ValueKind == JsonValueKind.Array)
                {
                    items = [.. itemList.EnumerateArray().Select(ReadItem)];
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): the status alone classifies it.
        }

        detail ??= code is null
            ? $"The API answered {(int)status} {status} without an error envelope."
            : $"The API answered {(int)status} {code}.";
        return new InvoicingException(status, code, detail, errors, items, requestId, idempotencyKey, attempts);
    }

    internal static InvoicingException NoAnswer(Exception cause, string detail, string? idempotencyKey, int attempts) =>
        new(null, null, detail, [], null, null, idempotencyKey, attempts, cause);

    internal static InvoicingException Unexpected(HttpStatusCode status, string detail, string? requestId, string? idempotencyKey, int attempts, Exception? cause = null) =>
        new(status, null, detail, [], null, requestId, idempotencyKey, attempts, cause);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return NoFieldErrors;
        }

        var fields = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var field in item.EnumerateObject())
        {
            fields[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? [.. field.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                : [];
        }

        return fields;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(HttpStatusCode? status, string? code, string detail, string? requestId)
    {
        var head = status is { } s ? $"{(int)s} {code ?? s.ToString()}" : "No answer";
        return requestId is null ? $"{head}: {detail}" : $"{head}: {detail} (Request-Id {requestId})";
    }
}
