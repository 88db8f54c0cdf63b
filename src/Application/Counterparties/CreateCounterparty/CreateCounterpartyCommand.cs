using Invoicing.Application.Common.Interfaces;
using Invoicing.Application.Common.Messaging;
using Invoicing.Application.Common.Validation;
using Invoicing.Domain.Counterparties;
using MediatR;

namespace Invoicing.Application.Counterparties.CreateCounterparty;

public sealed record CreateCounterpartyCommand(Input<string> Name, Input<string> Email) : ICommand<CounterpartyResponse>;

internal sealed class CreateCounterpartyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : IRequestHandler<CreateCounterpartyCommand, CounterpartyResponse>
{
    public async Task<CounterpartyResponse> Handle(CreateCounterpartyCommand request, CancellationToken cancellationToken)
    {
        var counterparty = Counterparty.Create(request.Name.Value, request.Email.IsPresent ? request.Email.Value : null, time.GetUtcNow());
        db.Counterparties.Add(counterparty);
        await db.SaveChangesAsync(cancellationToken);
        return CounterpartyResponse.From(counterparty);
    }
}
