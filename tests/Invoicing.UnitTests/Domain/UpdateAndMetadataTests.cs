using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;
using Invoicing.Domain.Invoices;

namespace Invoicing.UnitTests.Domain;

/// <summary>Metadata merging and the aggregates' updates (§10): set, clear, leave alone; an event only for a change.</summary>
public sealed class UpdateAndMetadataTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    private static Invoice Open(Dictionary<string, string?>? metadata = null)
    {
        var invoice = Invoice.Create(
            new InvoiceTerms(10_000, 0, "usd", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), "INV-1", "note", Guid.CreateVersion7(), Guid.CreateVersion7(), metadata),
            Created);
        invoice.TakeDomainEvents();
        return invoice;
    }

    [Fact]
    public void Merging_sets_keys_removes_those_given_null_or_empty_and_keeps_the_rest_sorted()
    {
        var merged = Metadata.Merge(
            Metadata.Of(new Dictionary<string, string?> { ["b"] = "1", ["a"] = "2", ["c"] = "3", ["empty"] = "" }),
            new Dictionary<string, string?> { ["a"] = "two", ["b"] = null, ["c"] = "", ["d"] = "4" });

        merged.ShouldBe(new Dictionary<string, string> { ["a"] = "two", ["d"] = "4" });
        merged.Keys.ShouldBe(["a", "d"]);
    }

    [Fact]
    public void Merging_beyond_a_limit_is_a_domain_error()
    {
        var fifty = Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", _ => (string?)"v");

        Metadata.Of(fifty).Count.ShouldBe(50);
        Should.Throw<DomainException>(() => Metadata.Merge(Metadata.Of(fifty), new Dictionary<string, string?> { ["one_more"] = "v" }));
        Should.Throw<DomainException>(() => Metadata.Of(new Dictionary<string, string?> { [new string('k', 41)] = "v" }));
        Should.Throw<DomainException>(() => Metadata.Of(new Dictionary<string, string?> { ["k"] = new string('v', 501) }));
        Metadata.KeyCountAfter(Metadata.Of(fifty), new Dictionary<string, string?> { ["one_more"] = "v", ["k0"] = null }).ShouldBe(50);
    }

    [Fact]
    public void An_invoice_update_changes_what_differs_records_the_old_values_and_moves_updated_at()
    {
        var invoice = Open(new() { ["a"] = "1" });
        var before = invoice.Metadata;

        invoice.Update(Change<DateOnly>.To(new DateOnly(2026, 12, 24)), Change<string?>.To(null), new Dictionary<string, string?> { ["b"] = "2" }, Later).ShouldBeTrue();

        invoice.InvoiceDueDate.ShouldBe(new DateOnly(2026, 12, 24));
        invoice.Note.ShouldBeNull();
        invoice.Metadata.ShouldBe(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
        invoice.UpdatedAt.ShouldBe(Later);
        var updated = invoice.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<InvoiceUpdated>();
        updated.PreviousAttributes.Keys.ShouldBe(["InvoiceDueDate", "Note", "Metadata"]);
        updated.PreviousAttributes["InvoiceDueDate"].ShouldBe(new DateOnly(2026, 12, 1));
        updated.PreviousAttributes["Note"].ShouldBe("note");
        updated.PreviousAttributes["Metadata"].ShouldBeSameAs(before);
    }

    [Fact]
    public void An_invoice_update_that_changes_nothing_raises_nothing_and_keeps_updated_at()
    {
        var invoice = Open(new() { ["a"] = "1" });

        invoice.Update(Change<DateOnly>.To(invoice.InvoiceDueDate), Change<string?>.To("note"), new Dictionary<string, string?> { ["a"] = "1", ["gone"] = null }, Later).ShouldBeFalse();
        invoice.Update(Change<DateOnly>.None, Change<string?>.None, null, Later).ShouldBeFalse();

        invoice.UpdatedAt.ShouldBe(Created);
        invoice.TakeDomainEvents().ShouldBeEmpty();
    }

    [Fact]
    public void Only_an_open_invoice_is_updated()
    {
        var invoice = Open();
        invoice.Pay(Later);

        var conflict = Should.Throw<InvoiceStateConflictException>(() => invoice.Update(Change<DateOnly>.None, Change<string?>.None, null, Later));

        conflict.Message.ShouldBe("The invoice is paid; only an open invoice can be updated.");
        conflict.Requested.ShouldBeNull();
        invoice.Note.ShouldBe("note");
    }

    [Fact]
    public void A_counterparty_update_renames_clears_the_email_and_records_only_what_changed()
    {
        var counterparty = Counterparty.Create("Acme", "a@acme.test", Created, new Dictionary<string, string?> { ["k"] = "v" });
        counterparty.TakeDomainEvents();

        counterparty.Update(Change<string>.To("Acme Tires"), Change<string?>.To(null), new Dictionary<string, string?> { ["k"] = "v" }, Later).ShouldBeTrue();

        (counterparty.Name, counterparty.Email).ShouldBe(("Acme Tires", (string?)null));
        var updated = counterparty.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<CounterpartyUpdated>();
        updated.PreviousAttributes.ShouldBe(new Dictionary<string, object?> { ["Name"] = "Acme", ["Email"] = "a@acme.test" });
        Should.Throw<DomainException>(() => counterparty.Update(Change<string>.To(" "), Change<string?>.None, null, Later));
    }
}
