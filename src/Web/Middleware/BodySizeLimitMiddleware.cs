using Invoicing.Web.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Invoicing.Web.Middleware;

/// <summary>
/// Refuses request bodies over 1 MiB (§1) on any server: at once when <c>Content-Length</c> says so (also on a route
/// that never reads its body), and while reading one of unknown length, which then fails as 413
/// <c>payload_too_large</c>. Kestrel's own limit is the same (<see cref="RequestLimits"/>), but the in-memory server of
/// the tests has none and Kestrel checks only what is read (docs/decisions/0033). A body that cannot be read is the
/// client's doing: a malformed one (a chunk size beyond 32 bits), like one cut short or reset by the client, is 400
/// <c>invalid_request</c>, never a 500 or an Error line.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            return ApiErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ApiErrors.ForStatus(StatusCodes.Status413PayloadTooLarge));
        }

        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            context.Request.Body = new ClientBodyStream(context.Request.Body, RequestLimits.MaxBodyBytes);
        }

        return next(context);
    }

    private sealed class ClientBodyStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Count(inner.Read(buffer, offset, count));
            }
            catch (IOException exception) when (exception is not BadHttpRequestException)
            {
                throw Unreadable(exception);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Count(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch (IOException exception) when (exception is not BadHttpRequestException)
            {
                throw Unreadable(exception);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }

        /// <summary>
        /// Kestrel reports a reset connection, and a chunk size it cannot hold in 32 bits, as a plain
        /// <see cref="IOException"/>, which would otherwise be an unexpected error (a 500, logged at Error). Both are a
        /// body that could not be read, as Kestrel itself reports a body cut short.
        /// </summary>
        private static BadHttpRequestException Unreadable(IOException exception) =>
            new("The request body could not be read.", StatusCodes.Status400BadRequest, exception);
    }
}
