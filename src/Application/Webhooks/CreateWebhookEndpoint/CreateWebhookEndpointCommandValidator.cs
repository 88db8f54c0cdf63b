using FluentValidation;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Events;
using Invoicing.Domain.Webhooks;
using Microsoft.Extensions.Options;
using static Invoicing.Application.Common.Validation.FieldErrorCodes;

namespace Invoicing.Application.Webhooks.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public const string EmptyListMessage = "This list may not be empty.";

    public CreateWebhookEndpointCommandValidator(IOptions<WebhookOptions> options)
    {
        var allowPrivate = options.Value.AllowPrivateUrls;
        RuleFor(x => x.Url).AsDeclared().NotBlank().MaxLength(WebhookEndpoint.UrlMaxLength)
            .Satisfies(WebhookUrls.IsValid, Invalid, WebhookUrls.InvalidUrlMessage)
            .Satisfies(url => allowPrivate || !WebhookUrls.IsPrivate(url), Invalid, WebhookUrls.PrivateUrlMessage);
        RuleFor(x => x.EnabledEvents).AsDeclared()
            .Satisfies(types => types.Count > 0, Invalid, EmptyListMessage)
            .Satisfies((_, types) => types.All(IsKnown), Invalid, x => UnknownTypeMessage(x.EnabledEvents.Value.First(t => !IsKnown(t))));
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }

    public static string UnknownTypeMessage(string type) => $"\"{type}\" is not a valid choice.";

    private static bool IsKnown(string type) => type == WebhookEndpoint.AllEvents || EventTypes.All.Contains(type);
}
