namespace Invoicing.Application.Webhooks;

/// <summary>Encrypts endpoint signing secrets for storage and decrypts them for signing (docs/decisions/0016).</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
