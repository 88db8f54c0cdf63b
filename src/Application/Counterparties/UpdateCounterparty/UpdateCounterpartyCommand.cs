using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Invoicing.Application.Common.Exceptions;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Updates;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Counterparties;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Invoicing.Application.Counterparties.UpdateCounterparty;

/// <summary>
/// The body of <c>PATCH /v1/counterparties/{id}</c> (§10): each member present is set with the create rules, <c>null</c>
/// clears `email`, an absent member is left alone, other members are ignored.
/// </summary>
/// <param name="Name">Not blank; may not be `null`.</param>
/// <param name="Email">A valid email address; `null` clears it.</param>
/// <param name="Metadata">Merged into the stored metadata: a key with `""` or `null` is removed, every other key set; `null` removes every key. The result keeps the limits of §10.</param>
public sealed record UpdateCounterpartyCommand(
    [property: MinLength(1), MaxLength(Counterparty.NameMaxLength)] Input<string> Name,
    [property: NullMeansNone, MaxLength(Counterparty.EmailMaxLength)] Input<string> Email,
    [property: NullMeansNone, MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ICommand<CounterpartyResponse>
{
    /// <summary>The id as it came in the URL (not a member of the body).</summary>
    [JsonIgnore]
    public string Id { get; init; } = string.Empty;
}

internal sealed class UpdateCounterpartyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<UpdateCounterpartyCommand, CounterpartyResponse>
{
    public async Task<CounterpartyResponse> Handle(UpdateCounterpartyCommand request, CancellationToken cancellationToken)
    {
        // A no-op UPDATE takes the row's write lock until the transaction ends, so concurrent updates run one after the
        // other and each merges into the last one's result (docs/decisions/0039). It sees only the key's environment.
        if (!Guid.TryParse(request.Id, out var id)
            || await db.Counterparties.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, c => c.Name), cancellationToken) == 0)
        {
            throw NotFoundException.Counterparty();
        }

        var counterparty = await db.Counterparties.FirstAsync(c => c.Id == id, cancellationToken);
        var metadata = request.Metadata.ToMetadataChanges(counterparty.Metadata);
        if (UpdateInputs.MergedMetadataErrors(counterparty.Metadata, metadata).ToList() is { Count: > 0 } errors)
        {
            throw new InvalidRequestException(InvalidRequestException.DefaultDetail, errors);
        }

        if (counterparty.Update(request.Name.ToChange(), request.Email.ToClearable(), metadata, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return CounterpartyResponse.From(counterparty);
    }
}
