using Invoicing.Domain.ApiKeys;
using Invoicing.Domain.Common;
using Microsoft.Extensions.Options;

namespace Invoicing.Infrastructure.Startup;

/// <summary>
/// <c>Invoicing:BootstrapKeys</c>: keys known in advance (for other teams' integration suites) that the service stores
/// at start if they are not stored yet. Checked at start (<c>ValidateOnStart</c>); no message ever contains a key.
/// </summary>
public sealed class BootstrapKeyOptions
{
    public const string Section = "Invoicing";
    public const string DefaultName = "bootstrap";

    public List<BootstrapKeySettings> BootstrapKeys { get; set; } = [];
}

public sealed class BootstrapKeySettings
{
    /// <summary>The whole key, <c>sk_test_…</c> or <c>sk_live_…</c>.</summary>
    public string? Key { get; set; }

    /// <summary><c>test</c> or <c>live</c>; must agree with the key's prefix.</summary>
    public string? Environment { get; set; }

    /// <summary>Shown by <c>keys list</c>; <c>bootstrap</c> when absent.</summary>
    public string? Name { get; set; }

    /// <summary>The environment named by <see cref="Environment"/>; only meaningful once validated.</summary>
    public ApiEnvironment ParsedEnvironment => ParseEnvironment(Environment) ?? ApiEnvironment.Test;

    internal static ApiEnvironment? ParseEnvironment(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "test" => ApiEnvironment.Test,
        "live" => ApiEnvironment.Live,
        _ => null,
    };
}

internal sealed class BootstrapKeyOptionsValidator : IValidateOptions<BootstrapKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, BootstrapKeyOptions options)
    {
        var failures = new List<string>();
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.BootstrapKeys.Count; i++)
        {
            failures.AddRange(Check($"{BootstrapKeyOptions.Section}:BootstrapKeys:{i}", options.BootstrapKeys[i], i, prefixes));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Check(string path, BootstrapKeySettings? settings, int index, Dictionary<string, int> prefixes)
    {
        if (settings is null)
        {
            yield return $"{path} needs a Key and an Environment.";
            yield break;
        }

        var environment = BootstrapKeySettings.ParseEnvironment(settings.Environment);
        if (environment is null)
        {
            yield return string.IsNullOrWhiteSpace(settings.Environment)
                ? $"{path}:Environment is required (test or live)."
                : $"{path}:Environment must be test or live, not '{settings.Environment}'.";
        }

        if (string.IsNullOrEmpty(settings.Key))
        {
            yield return $"{path}:Key is required.";
        }
        else if (!ApiKey.TryParseEnvironment(settings.Key, out var keyEnvironment))
        {
            // Nothing of the value is repeated, not even a part of it: it may be a real secret pasted by mistake.
            yield return $"{path}:Key is not a valid API key: it must be sk_test_ or sk_live_ followed by 32 to 128 base62 characters (the value given has {settings.Key.Length} characters).";
        }
        else if (environment is not null && keyEnvironment != environment)
        {
            yield return $"{path}:Key starts with {ApiKey.EnvironmentPrefix(keyEnvironment)} but {path}:Environment is {environment.Value.ToString().ToLowerInvariant()}.";
        }
        else if (!prefixes.TryAdd(ApiKey.DisplayPrefix(settings.Key), index))
        {
            var display = ApiKey.DisplayPrefix(settings.Key);
            yield return $"{path}:Key has the same first 16 characters ({display}) as {BootstrapKeyOptions.Section}:BootstrapKeys:{prefixes[display]}:Key; each key is shown by them, so they must differ.";
        }

        if (settings.Name is not null && Text.Length(settings.Name) > ApiKey.NameMaxLength)
        {
            yield return $"{path}:Name has at most {ApiKey.NameMaxLength} characters (got {Text.Length(settings.Name)}).";
        }
    }
}
