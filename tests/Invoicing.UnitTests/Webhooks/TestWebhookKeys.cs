using System.Security.Cryptography;
using Invoicing.Application.Webhooks;
using Invoicing.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace Invoicing.UnitTests.Webhooks;

/// <summary>Throwaway webhook keys (docs/decisions/0037) and the protector that holds them.</summary>
internal static class TestWebhookKeys
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string IdOf(string key) => AesGcmSecretProtector.KeyIdOf(Convert.FromBase64String(key));

    public static AesGcmSecretProtector Protector(string? secretKeys = null, string? secretKey = null) =>
        new(Options.Create(new WebhookOptions { SecretKeys = secretKeys, SecretKey = secretKey }));
}
