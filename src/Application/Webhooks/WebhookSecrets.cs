using System.Security.Cryptography;

namespace Invoicing.Application.Webhooks;

/// <summary>New endpoint signing secrets: <c>whsec_</c> and 32 random base62 characters (§9).</summary>
internal static class WebhookSecrets
{
    private const string Prefix = "whsec_";
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Base62, 32);
}
