using Invoicing.Domain.Common;

namespace Invoicing.Domain.Counterparties;

public sealed class Counterparty : EnvironmentScopedEntity
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private Counterparty(Guid id, string name, string? email, IReadOnlyDictionary<string, string> metadata, DateTimeOffset createdAt)
        : base(id)
    {
        Name = name;
        Email = email;
        Metadata = metadata;
        CreatedAt = createdAt;
    }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The integrator's key-value pairs (§10), sorted by key; never null.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Counterparty Create(string name, string? email, DateTimeOffset now, IReadOnlyDictionary<string, string?>? metadata = null)
    {
        RequireName(name);
        RequireEmail(email);
        var counterparty = new Counterparty(Uuid7.Next(now), name, email, Common.Metadata.Of(metadata), now);
        counterparty.Raise(new CounterpartyCreated(counterparty, now));
        return counterparty;
    }

    /// <summary>
    /// Applies an update (§10): each member that is set takes its new value, <paramref name="metadata"/> is merged
    /// (a <c>null</c> or <c>""</c> value removes its key). When something changed it raises
    /// <see cref="CounterpartyUpdated"/> with the old values of the changed members and answers true; otherwise
    /// nothing happens.
    /// </summary>
    public bool Update(Change<string> name, Change<string?> email, IReadOnlyDictionary<string, string?>? metadata, DateTimeOffset now)
    {
        var previous = new Dictionary<string, object?>();
        if (name.IsSet && !string.Equals(name.Value, Name, StringComparison.Ordinal))
        {
            RequireName(name.Value);
            previous[nameof(Name)] = Name;
            Name = name.Value;
        }

        if (email.IsSet && !string.Equals(email.Value, Email, StringComparison.Ordinal))
        {
            RequireEmail(email.Value);
            previous[nameof(Email)] = Email;
            Email = email.Value;
        }

        if (metadata is not null && Common.Metadata.Merge(Metadata, metadata) is var merged && !Common.Metadata.AreEqual(merged, Metadata))
        {
            previous[nameof(Metadata)] = Metadata;
            Metadata = merged;
        }

        if (previous.Count == 0)
        {
            return false;
        }

        Raise(new CounterpartyUpdated(this, previous, now));
        return true;
    }

    private static void RequireName(string name)
    {
        if (Text.IsBlank(name) || Text.Length(name) > NameMaxLength)
        {
            throw new DomainException("A counterparty needs a name of 1 to 200 characters.");
        }
    }

    private static void RequireEmail(string? email)
    {
        if (email is not null && Text.Length(email) > EmailMaxLength)
        {
            throw new DomainException("A counterparty email has at most 254 characters.");
        }
    }
}
