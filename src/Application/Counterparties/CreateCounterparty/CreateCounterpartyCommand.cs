using System.ComponentModel.DataAnnotations;
using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Counterparties;
using MediatR;

namespace Invoicing.Application.Counterparties.CreateCounterparty;

/// <summary>A counterparty (§4): the body of <c>POST /v1/counterparties</c>.</summary>
/// <param name="Name">Not blank.</param>
/// <param name="Email">A valid email address, or `null`.</param>
/// <param name="Metadata">Your own key-value pairs (§10): up to 50 keys of 1–40 characters, string values of up to 500 characters; a key with `""` or `null` is not stored.</param>
public sealed record CreateCounterpartyCommand(
    [property: Required, MinLength(1), MaxLength(Counterparty.NameMaxLength)] Input<string> Name,
    [property: NullMeansNone, MaxLength(Counterparty.EmailMaxLength)] Input<string> Email,
    [property: MaxLength(Domain.Common.Metadata.MaxKeys)] Input<IReadOnlyDictionary<string, string?>> Metadata) : ISingleSaveCommand<CounterpartyResponse>;

internal sealed class CreateCounterpartyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateCounterpartyCommand, CounterpartyResponse>
{
    public async Task<CounterpartyResponse> Handle(CreateCounterpartyCommand request, CancellationToken cancellationToken)
    {
        var counterparty = Counterparty.Create(request.Name.Value, request.Email.IsPresent ? request.Email.Value : null, time.GetUtcNow(), request.Metadata.IsPresent ? request.Metadata.Value : null);
        db.Counterparties.Add(counterparty);
        await db.SaveChangesAsync(cancellationToken);
        return CounterpartyResponse.From(counterparty);
    }
}
