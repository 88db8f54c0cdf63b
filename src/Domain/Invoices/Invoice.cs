using Invoicing.Domain.Common;

namespace Invoicing.Domain.Invoices;

/// <summary>An invoice from one counterparty to another. Its money rules hold from birth.</summary>
public sealed class Invoice : EnvironmentScopedEntity
{
    public const long MinAmountCents = 1;
    public const long MaxAmountCents = 100_000_000_000;
    public const int InvoiceNumberMaxLength = 64;
    public const int NoteMaxLength = 1000;
    public const string DefaultCurrency = "usd";

    private Invoice(Guid id)
        : base(id)
    {
        Currency = DefaultCurrency;
        InvoiceNumber = string.Empty;
        Metadata = Common.Metadata.Empty;
    }

    private Invoice(Guid id, InvoiceTerms terms, DateTimeOffset now)
        : base(id)
    {
        Status = InvoiceStatus.Open;
        AmountCents = terms.AmountCents;
        DiscountAmountCents = terms.DiscountAmountCents;
        Currency = terms.Currency;
        InvoiceDate = terms.InvoiceDate;
        InvoiceDueDate = terms.InvoiceDueDate;
        InvoiceNumber = terms.InvoiceNumber;
        Note = terms.Note;
        OriginatingCounterpartyId = terms.OriginatingCounterpartyId;
        ReceivingCounterpartyId = terms.ReceivingCounterpartyId;
        Metadata = Common.Metadata.Of(terms.Metadata);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public InvoiceStatus Status { get; private set; }

    public long AmountCents { get; private set; }

    public long DiscountAmountCents { get; private set; }

    public long AmountDueCents => AmountCents - DiscountAmountCents;

    public string Currency { get; private set; }

    public DateOnly InvoiceDate { get; private set; }

    public DateOnly InvoiceDueDate { get; private set; }

    public string InvoiceNumber { get; private set; }

    public string? Note { get; private set; }

    public Guid OriginatingCounterpartyId { get; private set; }

    public Guid ReceivingCounterpartyId { get; private set; }

    /// <summary>The integrator's key-value pairs (§10), sorted by key; never null.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the invoice was paid; <c>null</c> unless it is paid.</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>When the invoice was voided; <c>null</c> unless it is void.</summary>
    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>Creates an open invoice; throws <see cref="DomainException"/> when a rule of §5.1 is broken.</summary>
    public static Invoice Create(InvoiceTerms terms, DateTimeOffset now)
    {
        Require(terms.AmountCents is >= MinAmountCents and <= MaxAmountCents, "The amount must be between 1 and 100000000000 cents.");
        Require(terms.DiscountAmountCents >= 0 && terms.DiscountAmountCents <= terms.AmountCents, "The discount must be between 0 and the amount.");
        Require(IsCurrencyCode(terms.Currency), "The currency must be three lowercase letters.");
        Require(terms.InvoiceDueDate >= terms.InvoiceDate, "The due date must be on or after the invoice date.");
        Require(!Text.IsBlank(terms.InvoiceNumber) && Text.Length(terms.InvoiceNumber) <= InvoiceNumberMaxLength, "The invoice number must have 1 to 64 characters.");
        Require(terms.Note is null || Text.Length(terms.Note) <= NoteMaxLength, "The note must have at most 1000 characters.");
        Require(terms.OriginatingCounterpartyId != terms.ReceivingCounterpartyId, "An invoice needs two different counterparties.");

        var invoice = new Invoice(Uuid7.Next(now), terms, now);
        invoice.Raise(new InvoiceCreated(invoice, now));
        return invoice;
    }

    /// <summary>Open → paid. Throws <see cref="InvoiceStateConflictException"/> unless the invoice is open.</summary>
    public void Pay(DateTimeOffset now)
    {
        MoveFromOpen(InvoiceStatus.Paid, now);
        PaidAt = now;
        Raise(new InvoicePaid(this, now));
    }

    /// <summary>Open → void. Throws <see cref="InvoiceStateConflictException"/> unless the invoice is open.</summary>
    public void Void(DateTimeOffset now)
    {
        MoveFromOpen(InvoiceStatus.Void, now);
        VoidedAt = now;
        Raise(new InvoiceVoided(this, now));
    }

    /// <summary>
    /// Applies an update (§10) to an open invoice: each member that is set takes its new value (a due date on or after
    /// the invoice date, a note of at most 1000 characters or <c>null</c>), <paramref name="metadata"/> is merged (a
    /// <c>null</c> or <c>""</c> value removes its key). When something changed, <c>updated_at</c> moves and
    /// <see cref="InvoiceUpdated"/> is raised with the old values of the changed members, and the answer is true;
    /// otherwise nothing happens. Throws <see cref="InvoiceStateConflictException"/> unless the invoice is open.
    /// </summary>
    public bool Update(Change<DateOnly> dueDate, Change<string?> note, IReadOnlyDictionary<string, string?>? metadata, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Open)
        {
            throw InvoiceStateConflictException.ForUpdate(Id, Status);
        }

        var previous = new Dictionary<string, object?>();
        if (dueDate.IsSet && dueDate.Value != InvoiceDueDate)
        {
            Require(dueDate.Value >= InvoiceDate, "The due date must be on or after the invoice date.");
            previous[nameof(InvoiceDueDate)] = InvoiceDueDate;
            InvoiceDueDate = dueDate.Value;
        }

        if (note.IsSet && !string.Equals(note.Value, Note, StringComparison.Ordinal))
        {
            Require(note.Value is null || Text.Length(note.Value) <= NoteMaxLength, "The note must have at most 1000 characters.");
            previous[nameof(Note)] = Note;
            Note = note.Value;
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

        UpdatedAt = now;
        Raise(new InvoiceUpdated(this, previous, now));
        return true;
    }

    /// <summary>ISO 4217 codes as this API writes them: exactly three lowercase ASCII letters.</summary>
    public static bool IsCurrencyCode(string value) => value.Length == 3 && value.All(char.IsAsciiLetterLower);

    /// <summary>The lifecycle rule (§5.2): only an open invoice moves; paid and void never change again.</summary>
    private void MoveFromOpen(InvoiceStatus target, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Open)
        {
            throw new InvoiceStateConflictException(Id, Status, target);
        }

        Status = target;
        UpdatedAt = now;
    }

    private static void Require(bool rule, string message)
    {
        if (!rule)
        {
            throw new DomainException(message);
        }
    }
}

/// <summary>What an invoice is created with. <see cref="Metadata"/>: keys with a <c>null</c> or <c>""</c> value are not stored.</summary>
public sealed record InvoiceTerms(
    long AmountCents,
    long DiscountAmountCents,
    string Currency,
    DateOnly InvoiceDate,
    DateOnly InvoiceDueDate,
    string InvoiceNumber,
    string? Note,
    Guid OriginatingCounterpartyId,
    Guid ReceivingCounterpartyId,
    IReadOnlyDictionary<string, string?>? Metadata = null);
