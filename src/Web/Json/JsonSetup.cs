using System.Text;
using System.Text.Json;
using Invoicing.Application.Common.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;

namespace Invoicing.Web.Json;

/// <summary>The wire format of §1, shared with the event outbox: <see cref="ApiJson"/>.</summary>
internal static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options) => ApiJson.Apply(options);

    /// <summary>MVC's options, which read the request bodies: the wire format, and each body's shape checked first (<see cref="RequestBodyConverter"/>).</summary>
    public static void ApplyToBodies(JsonSerializerOptions options)
    {
        Apply(options);
        options.Converters.Add(new RequestBodyConverter());
    }

    /// <summary>
    /// Bodies are read as UTF-8 only (§1, RFC 8259). MVC's JSON reader also accepts <c>charset=utf-16</c> and transcodes,
    /// and bytes that are not UTF-16 then escape it as a <see cref="DecoderFallbackException"/> (a 500). Without that
    /// encoding, any charset but UTF-8 is refused like every other unsupported one: 415 <c>unsupported_media_type</c>.
    /// </summary>
    public static void ReadUtf8Only(MvcOptions options)
    {
        foreach (var formatter in options.InputFormatters.OfType<SystemTextJsonInputFormatter>())
        {
            foreach (var encoding in formatter.SupportedEncodings.Where(e => e.CodePage != Encoding.UTF8.CodePage).ToList())
            {
                formatter.SupportedEncodings.Remove(encoding);
            }
        }
    }
}
