using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Application.ApiKeys.ListApiKeys;
using Invoicing.Application.ApiKeys.RevokeApiKey;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Invoicing.Infrastructure.Startup;
using MediatR;

namespace Invoicing.Web.ApiKeys;

/// <summary>
/// <c>keys create --environment test|live [--name NAME]</c>, <c>keys list</c>, <c>keys revoke PREFIX</c> (§8), and
/// <c>secrets status|reencrypt</c> (<see cref="SecretsCommand"/>), on the configured database, parsed by System.CommandLine. <c>create</c> prints the new key alone on its last line; nothing
/// else ever shows a key. Wrong usage is the parser's message and the command's usage on the error output and exit code
/// <see cref="UsageError"/>, before the database is touched; <c>--help</c> shows the usage and exits 0.
/// </summary>
internal static class KeysCommand
{
    public const int UsageError = 2;

    public static bool IsKeysCommand(string[] args) => args is ["keys" or "secrets", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Program(services, output, error).Parse(args);
        var wrongUsage = parsed.Errors.Count > 0;
        if (parsed.Action is ParseErrorAction parseError)
        {
            parseError.ShowTypoCorrections = false;
        }

        // Help and usage errors go where today's usage went: help to the output, errors (with the usage) to the error output.
        var code = await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = wrongUsage ? error : output,
            Error = error,
            EnableDefaultExceptionHandler = false, // a failure is the host's to report, as anywhere else in the program
            ProcessTerminationTimeout = null,
        });
        return wrongUsage ? UsageError : code;
    }

    private static RootCommand Program(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var environment = new Option<string>("--environment") { Description = "The key's environment.", Required = true };
        environment.AcceptOnlyFromAmong("test", "live");
        var name = new Option<string?>("--name") { Description = $"Shown by keys list; at most {ApiKey.NameMaxLength} characters.", HelpName = "NAME" };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && Text.Length(value) > ApiKey.NameMaxLength)
            {
                result.AddError($"--name has at most {ApiKey.NameMaxLength} characters (got {Text.Length(value)}).");
            }
        });
        var create = new Command("create", "Creates a key and prints it once, alone on the last line.") { environment, name };
        create.SetAction((parsed, cancellationToken) => WithDatabaseAsync(services, error, async mediator =>
        {
            var created = await mediator.Send(new CreateApiKeyCommand(Enum.Parse<ApiEnvironment>(parsed.GetValue(environment)!, ignoreCase: true), parsed.GetValue(name)), cancellationToken);
            await output.WriteLineAsync($"Created a {created.Key.Environment.ToString().ToLowerInvariant()} key {created.Key.Prefix}… Store it now: it is not shown again.");
            await output.WriteLineAsync(created.Secret);
            return 0;
        }, cancellationToken));

        var list = new Command("list", "Lists prefix, environment, name, created and revoked times of every key (never a key).");
        list.SetAction((_, cancellationToken) => WithDatabaseAsync(services, error, async mediator =>
        {
            await output.WriteLineAsync($"{"PREFIX",-18} {"ENVIRONMENT",-11} {"NAME",-24} {"CREATED",-20} REVOKED");
            foreach (var key in await mediator.Send(new ListApiKeysQuery(), cancellationToken))
            {
                await output.WriteLineAsync($"{key.Prefix,-18} {key.Environment.ToString().ToLowerInvariant(),-11} {key.Name ?? "-",-24} {Format(key.CreatedAt),-20} {(key.RevokedAt is { } revoked ? Format(revoked) : "-")}");
            }

            return 0;
        }, cancellationToken));

        var prefix = new Argument<string>("PREFIX") { Description = "The key's first 16 characters, as keys list shows them." };
        var revoke = new Command("revoke", "Revokes a key: it is refused from then on.") { prefix };
        revoke.SetAction((parsed, cancellationToken) => WithDatabaseAsync(services, error, async mediator =>
        {
            try
            {
                var revoked = await mediator.Send(new RevokeApiKeyCommand(parsed.GetValue(prefix)!), cancellationToken);
                await output.WriteLineAsync($"Revoked {revoked.Prefix} at {Format(revoked.RevokedAt!.Value)}.");
                return 0;
            }
            catch (NotFoundException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        }, cancellationToken));

        return new RootCommand("The invoicing service.")
        {
            new Command("keys", "Manages the API keys of the configured database.") { create, list, revoke },
            SecretsCommand.Create(services, output, error),
        };
    }

    /// <summary>Applies pending migrations first (§8), then runs <paramref name="run"/> in a scope of its own; 1 when the database cannot be prepared.</summary>
    private static async Task<int> WithDatabaseAsync(IServiceProvider services, TextWriter error, Func<IMediator, Task<int>> run, CancellationToken cancellationToken)
    {
        if (!await DatabaseStartup.MigrateNowAsync(services, error, cancellationToken))
        {
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ssZ", CultureInfo.InvariantCulture);
}
