using Invoicing.Domain.Common;

namespace Invoicing.Domain.Counterparties;

public sealed class Counterparty : EnvironmentScopedEntity
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private Counterparty(Guid id, string name, string? email, DateTimeOffset createdAt)
        : base(id)
    {
        Name = name;
        Email = email;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Counterparty Create(string name, string? email, DateTimeOffset now)
    {
        if (Text.IsBlank(name) || Text.Length(name) > NameMaxLength)
        {
            throw new DomainException("A counterparty needs a name of 1 to 200 characters.");
        }

        if (email is not null && Text.Length(email) > EmailMaxLength)
        {
            throw new DomainException("A counterparty email has at most 254 characters.");
        }

        var counterparty = new Counterparty(Uuid7.Next(now), name, email, now);
        counterparty.Raise(new CounterpartyCreated(counterparty, now));
        return counterparty;
    }
}
