using System.Text.Json;
using Invoicing.Application.Common.Json;

namespace Invoicing.Web.Json;

/// <summary>The wire format of §1, shared with the event outbox: <see cref="ApiJson"/>.</summary>
internal static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options) => ApiJson.Apply(options);
}
