using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Updates;
using Invoicing.Application.Common.Validation;
using Invoicing.Application.Events;
using Invoicing.Domain.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Webhooks.UpdateWebhookEndpoint;

/// <summary>
/// The body of <c>PATCH /v1/webhook_endpoints/{id}</c>: members present are set with the rules of create, absent
/// members are left alone. Disabling cancels the deliveries still owed to the endpoint (docs/decisions/0036).
/// </summary>
/// <param name="Url">Absolute `http` or `https` URL. Hosts on loopback or private networks are refused unless the service allows them.</param>
/// <param name="EnabledEvents">Event types to receive: `counterparty.created`, `counterparty.updated`, `invoice.created`, `invoice.updated`, `invoice.paid`, `invoice.voided`, or `["*"]` for all. Replaces the list.</param>
/// <param name="Disabled">`true` disables the endpoint: it gets no deliveries, and those still owed to it are canceled. `false` enables it again (for events from then on).</param>
/// <param name="Metadata">Merged into the stored metadata: a key with `""` or `null` is removed, every other key set; `null` removes every key. The result keeps the limits of §10.</param>
public sealed record UpdateWebhookEndpointCommand(
    [property: MinLength(1), MaxLength(WebhookEndpoint.UrlMaxLength), Url] Input<string> Url,
    [property: MinLength(1), OneOfValues(typeof(EventTypes), nameof(EventTypes.All), Also = [WebhookEndpoint.AllEvents])] Input<IReadOnlyList<string>> EnabledEvents,
    Input<bool> Disabled,
    [property: NullMeansNone, MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ICommand<WebhookEndpointResponse>
{
    /// <summary>The endpoint's id as it came in the URL (not a body member).</summary>
    [JsonIgnore]
    public string Id { get; init; } = string.Empty;
}

internal sealed class UpdateWebhookEndpointCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<UpdateWebhookEndpointCommand, WebhookEndpointResponse>
{
    public async Task<WebhookEndpointResponse> Handle(UpdateWebhookEndpointCommand request, CancellationToken cancellationToken)
    {
        // As every update (docs/decisions/0039): a no-op UPDATE first takes the row's write lock until the transaction
        // ends, so concurrent updates run one after the other and each merges its metadata into the last one's result.
        if (Guid.TryParse(request.Id, out var id))
        {
            await db.WebhookEndpoints.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.Url, w => w.Url), cancellationToken);
        }

        var endpoint = await WebhookEndpointLookup.FindAsync(db, request.Id, cancellationToken);
        if (request.Url.IsPresent)
        {
            endpoint.ChangeUrl(request.Url.Value);
        }

        if (request.EnabledEvents.IsPresent)
        {
            endpoint.EnableEvents(request.EnabledEvents.Value);
        }

        if (request.Metadata.ToMetadataChanges(endpoint.Metadata) is { } metadata)
        {
            if (UpdateInputs.MergedMetadataErrors(endpoint.Metadata, metadata).ToList() is { Count: > 0 } errors)
            {
                throw new InvalidRequestException(InvalidRequestException.DefaultDetail, errors);
            }

            endpoint.MergeMetadata(metadata);
        }

        if (request.Disabled.IsPresent && endpoint.SetDisabled(request.Disabled.Value) && endpoint.Disabled)
        {
            // Stripe's way: a disabled endpoint is owed nothing. Kept, not deleted, so their attempts stay listed.
            var now = time.GetUtcNow().UtcDateTime;
            await db.WebhookDeliveries
                .Where(d => d.WebhookEndpointId == endpoint.Id && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Canceled).SetProperty(d => d.CompletedAt, (DateTime?)now), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return WebhookEndpointResponse.From(endpoint);
    }
}
