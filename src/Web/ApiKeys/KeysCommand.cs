using Invoicing.Application.ApiKeys.CreateApiKey;
using Invoicing.Application.ApiKeys.ListApiKeys;
using Invoicing.Application.ApiKeys.RevokeApiKey;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using MediatR;

namespace Invoicing.Web.ApiKeys;

/// <summary>
/// <c>keys create --environment test|live [--name NAME]</c>, <c>keys list</c>, <c>keys revoke PREFIX</c> (§8),
/// on the configured database. <c>create</c> prints the new key alone on its last line; nothing else ever shows a key.
/// </summary>
internal static class KeysCommand
{
    private const string Usage = """
        Usage:
          keys create --environment test|live [--name NAME]   (NAME: at most 100 characters)
          keys list
          keys revoke PREFIX
        """;

    public static bool IsKeysCommand(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        switch (args[1..])
        {
            case ["create", .. var options] when TryParseCreate(options, out var environment, out var name):
                var created = await mediator.Send(new CreateApiKeyCommand(environment, name));
                await output.WriteLineAsync($"Created a {created.Key.Environment.ToString().ToLowerInvariant()} key {created.Key.Prefix}… Store it now: it is not shown again.");
                await output.WriteLineAsync(created.Secret);
                return 0;

            case ["list"]:
                await output.WriteLineAsync($"{"PREFIX",-18} {"ENVIRONMENT",-11} {"NAME",-24} {"CREATED",-20} REVOKED");
                foreach (var key in await mediator.Send(new ListApiKeysQuery()))
                {
                    await output.WriteLineAsync($"{key.Prefix,-18} {key.Environment.ToString().ToLowerInvariant(),-11} {key.Name ?? "-",-24} {Format(key.CreatedAt),-20} {(key.RevokedAt is { } revoked ? Format(revoked) : "-")}");
                }

                return 0;

            case ["revoke", var prefix]:
                try
                {
                    var revoked = await mediator.Send(new RevokeApiKeyCommand(prefix));
                    await output.WriteLineAsync($"Revoked {revoked.Prefix} at {Format(revoked.RevokedAt!.Value)}.");
                    return 0;
                }
                catch (NotFoundException e)
                {
                    await error.WriteLineAsync(e.Message);
                    return 1;
                }

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static bool TryParseCreate(string[] options, out ApiEnvironment environment, out string? name)
    {
        environment = default;
        name = null;
        string? env = null;
        for (var i = 0; i + 1 < options.Length; i += 2)
        {
            switch (options[i])
            {
                case "--environment": env = options[i + 1]; break;
                case "--name": name = options[i + 1]; break;
                default: return false;
            }
        }

        return options.Length % 2 == 0
            && env is "test" or "live"
            && Enum.TryParse(env, ignoreCase: true, out environment)
            && (name is null || Text.Length(name) <= ApiKey.NameMaxLength);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
