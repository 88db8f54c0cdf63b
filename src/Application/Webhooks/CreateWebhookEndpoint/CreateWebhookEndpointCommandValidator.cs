using FluentValidation;
using Invoicing.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace Invoicing.Application.Webhooks.CreateWebhookEndpoint;

internal sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointCommandValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(x => x.Url).AsDeclared().WebhookUrl(options.Value.AllowPrivateUrls);
        RuleFor(x => x.EnabledEvents).AsDeclared().EventTypes();
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }
}
