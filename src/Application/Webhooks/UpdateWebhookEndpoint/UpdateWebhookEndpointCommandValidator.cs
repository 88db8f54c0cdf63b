using FluentValidation;
using Invoicing.Application.Common.Validation;
using Microsoft.Extensions.Options;

namespace Invoicing.Application.Webhooks.UpdateWebhookEndpoint;

internal sealed class UpdateWebhookEndpointCommandValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointCommandValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(x => x.Url).AsDeclared().WebhookUrl(options.Value.AllowPrivateUrls);
        RuleFor(x => x.EnabledEvents).AsDeclared().EventTypes();
        RuleFor(x => x.Disabled).AsDeclared();
        RuleFor(x => x.Metadata).AsDeclared().Metadata();
    }
}
