using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Invoices;

namespace Invoicing.UnitTests.Domain;

/// <summary>Aggregates raise a domain event for each change integrators hear about (§9); persistence takes them once.</summary>
public sealed class DomainEventTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    private static Invoice Open() => Invoice.Create(
        new InvoiceTerms(10_000, 0, "usd", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), "INV-1", null, Guid.CreateVersion7(), Guid.CreateVersion7()),
        Created);

    [Fact]
    public void Creating_raises_created_once()
    {
        var invoice = Open();
        var counterparty = Counterparty.Create("Acme", null, Created);

        invoice.TakeDomainEvents().ShouldBe([new InvoiceCreated(invoice, Created)]);
        invoice.TakeDomainEvents().ShouldBeEmpty();
        counterparty.TakeDomainEvents().ShouldBe([new CounterpartyCreated(counterparty, Created)]);
    }

    [Fact]
    public void Paying_and_voiding_raise_their_events_when_they_happen()
    {
        var paid = Open();
        var voided = Open();
        paid.TakeDomainEvents();
        voided.TakeDomainEvents();

        paid.Pay(Later);
        voided.Void(Later);

        paid.TakeDomainEvents().ShouldBe([new InvoicePaid(paid, Later)]);
        voided.TakeDomainEvents().ShouldBe([new InvoiceVoided(voided, Later)]);
    }

    [Fact]
    public void A_refused_transition_raises_nothing()
    {
        var invoice = Open();
        invoice.Pay(Later);
        invoice.TakeDomainEvents();

        Should.Throw<InvoiceStateConflictException>(() => invoice.Void(Later));

        invoice.TakeDomainEvents().ShouldBeEmpty();
    }
}
