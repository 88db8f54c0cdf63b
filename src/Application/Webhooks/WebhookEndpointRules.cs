using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Webhooks;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Webhooks;

/// <summary>The rules of an endpoint's members, the same on create and update (each checked only when a value is present).</summary>
internal static class WebhookEndpointRules
{
    public const string EmptyListMessage = "This list may not be empty.";

    /// <summary><c>url</c>: not blank, at most 2048 characters, absolute http(s), and not on loopback or a private network unless allowed.</summary>
    public static IRuleBuilderOptions<T, Input<string>> WebhookUrl<T>(this IRuleBuilder<T, Input<string>> rule, bool allowPrivate) =>
        rule.NotBlank().MaxLength(WebhookEndpoint.UrlMaxLength)
            .Satisfies(WebhookUrls.IsValid, Invalid, WebhookUrls.InvalidUrlMessage)
            .Satisfies(url => allowPrivate || !WebhookUrls.IsPrivate(url), Invalid, WebhookUrls.PrivateUrlMessage);

    /// <summary><c>enabled_events</c>: not empty, each a known event type or <c>*</c>.</summary>
    public static IRuleBuilderOptions<T, Input<IReadOnlyList<string>>> EventTypes<T>(this IRuleBuilder<T, Input<IReadOnlyList<string>>> rule) =>
        rule.Satisfies(types => types.Count > 0, Invalid, EmptyListMessage)
            .Must(i => !i.IsPresent || i.Value.All(IsKnown)).WithErrorCode(Invalid)
            .WithMessage((_, i) => UnknownTypeMessage(i.Value.First(t => !IsKnown(t))));

    public static string UnknownTypeMessage(string type) => $"\"{type}\" is not a valid choice.";

    private static bool IsKnown(string type) => type == WebhookEndpoint.AllEvents || Events.EventTypes.All.Contains(type);
}
