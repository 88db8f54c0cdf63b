using System.CommandLine;
using Invoicing.Infrastructure.Startup;
using Invoicing.Infrastructure.Webhooks;

namespace Invoicing.Web.ApiKeys;

/// <summary>
/// <c>secrets status</c> and <c>secrets reencrypt [--batch-size N]</c>: the webhook keys of docs/decisions/0037 on the
/// configured database. The work is Infrastructure's <see cref="StoredSecrets"/>; this prints it. Exit code 0 when
/// everything stored can be decrypted (after <c>reencrypt</c>: is under the newest key), 1 otherwise. Never prints a key.
/// </summary>
internal static class SecretsCommand
{
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var status = new Command("status", "Lists the configured key ids (the first encrypts) and what stored data no configured key can decrypt.");
        status.SetAction((_, cancellationToken) => WithSecretsAsync(services, error, async secrets =>
        {
            var protector = services.GetRequiredService<AesGcmSecretProtector>();
            await output.WriteLineAsync($"Configured webhook key ids, newest first: {string.Join(", ", protector.KeyIds)} ({protector.PrimaryKeyId} encrypts).");
            var unreadable = await secrets.FindUnreadableAsync(cancellationToken);
            if (unreadable.Any)
            {
                await output.WriteLineAsync(unreadable.Describe());
                return 1;
            }

            await output.WriteLineAsync("Every stored secret and idempotent answer can be decrypted with a configured key.");
            return 0;
        }, cancellationToken));

        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per transaction.",
            DefaultValueFactory = _ => StoredSecrets.DefaultBatchSize,
            HelpName = "N",
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                result.AddError($"--batch-size must be between 1 and 10000 (got {result.GetValueOrDefault<int>()}).");
            }
        });
        var reencrypt = new Command("reencrypt", "Re-encrypts every webhook endpoint secret and stored idempotent answer under the newest key, then says whether the other keys may be removed.") { batchSize };
        reencrypt.SetAction((parsed, cancellationToken) => WithSecretsAsync(services, error, async secrets =>
        {
            var report = await secrets.ReencryptAsync(parsed.GetValue(batchSize), cancellationToken);
            await output.WriteLineAsync($"Newest key: {report.PrimaryKeyId}.");
            await output.WriteLineAsync(Line("Webhook endpoint secrets", report.EndpointSecrets));
            await output.WriteLineAsync(Line("Stored idempotent answers", report.Answers));
            if (!report.Complete)
            {
                await output.WriteLineAsync("Not done: what no configured key decrypts was left as it is. Add the missing key(s) to Webhooks:SecretKeys (behind the newest) and run this again.");
                return 1;
            }

            await output.WriteLineAsync("Done: everything stored is under the newest key; the other keys may be removed.");
            return 0;
        }, cancellationToken));

        return new Command("secrets", "Webhook encryption keys: what is stored under which, and re-encryption under the newest.") { status, reencrypt };
    }

    private static string Line(string what, ReencryptionCounts counts) =>
        $"{what}: {counts.Reencrypted} re-encrypted, {counts.Current} under the newest key, "
        + (counts.Unreadable.Count == 0
            ? "0 undecryptable."
            : $"{counts.Unreadable.Values.Sum()} undecryptable (key id(s) {string.Join(", ", counts.Unreadable.Keys)}).");

    private static async Task<int> WithSecretsAsync(IServiceProvider services, TextWriter error, Func<StoredSecrets, Task<int>> run, CancellationToken cancellationToken)
    {
        if (!await DatabaseStartup.MigrateNowAsync(services, error, cancellationToken))
        {
            return 1;
        }

        return await run(services.GetRequiredService<StoredSecrets>());
    }
}
