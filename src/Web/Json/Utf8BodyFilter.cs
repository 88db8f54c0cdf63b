using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Net.Http.Headers;

namespace Invoicing.Web.Json;

/// <summary>
/// For an action that reads a JSON body (§1: UTF-8 only, RFC 8259 §8.1), before MVC reads it:
/// <list type="bullet">
/// <item>a <c>Content-Type</c> with a parameter that has <c>=</c> but no value (<c>charset=</c>) is 415
/// <c>unsupported_media_type</c>, like any charset but UTF-8 (<see cref="JsonSetup.ReadUtf8Only"/>); MVC's media type
/// parser throws on it (a 500);</item>
/// <item>a byte sequence that is not UTF-8, in a member name as much as in a value, makes the body not valid JSON (400).
/// System.Text.Json checks the bytes of a string only when it decodes one, so a member name it skips was never checked.</item>
/// </list>
/// </summary>
internal sealed class Utf8BodyFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!context.ActionDescriptor.Parameters.Any(static p => p.BindingInfo?.BindingSource == BindingSource.Body))
        {
            return;
        }

        var request = context.HttpContext.Request;
        if (request.ContentType is { } contentType
            && (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Parameters.Any(static p => p.Value is { HasValue: true, Length: 0 })))
        {
            context.Result = new UnsupportedMediaTypeResult();
            return;
        }

        request.Body = new Utf8Stream(request.Body);
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    /// <summary>Passes the body through, decoding it on the way to check it; a sequence cut by a read is completed by the next.</summary>
    private sealed class Utf8Stream(Stream inner) : Stream
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly Decoder _decoder = StrictUtf8.GetDecoder();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = await inner.ReadAsync(buffer, cancellationToken);
            return Check(buffer.Span[..count]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>The count read; at the end of the body (0) a sequence left incomplete is invalid too.</summary>
        private int Check(ReadOnlySpan<byte> read)
        {
            Span<char> scratch = stackalloc char[1024];
            var bytes = read;
            try
            {
                do
                {
                    _decoder.Convert(bytes, scratch, flush: read.IsEmpty, out var used, out _, out _);
                    bytes = bytes[used..];
                }
                while (!bytes.IsEmpty);
            }
            catch (DecoderFallbackException exception)
            {
                // Model binding records it as an unreadable body: 400, "The request body is not valid JSON.".
                throw new InputFormatterException("The request body is not UTF-8.", exception);
            }

            return read.Length;
        }
    }
}
