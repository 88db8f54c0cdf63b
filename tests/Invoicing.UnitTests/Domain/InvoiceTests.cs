using Invoicing.Domain.Common;
using Invoicing.Domain.Invoices;

namespace Invoicing.UnitTests.Domain;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
    private static readonly Guid Originating = Guid.Parse("0196f0a0-0000-7000-8000-000000000001");
    private static readonly Guid Receiving = Guid.Parse("0196f0a0-0000-7000-8000-000000000002");

    private static readonly InvoiceTerms Valid = new(
        AmountCents: 10_000,
        DiscountAmountCents: 2_500,
        Currency: "eur",
        InvoiceDate: new DateOnly(2026, 11, 1),
        InvoiceDueDate: new DateOnly(2026, 12, 1),
        InvoiceNumber: "INV-001",
        Note: "Thanks",
        OriginatingCounterpartyId: Originating,
        ReceivingCounterpartyId: Receiving);

    [Fact]
    public void Create_copies_the_terms_and_opens_the_invoice()
    {
        var invoice = Invoice.Create(Valid, Now);

        invoice.Status.ShouldBe(InvoiceStatus.Open);
        invoice.AmountCents.ShouldBe(10_000);
        invoice.DiscountAmountCents.ShouldBe(2_500);
        invoice.AmountDueCents.ShouldBe(7_500);
        invoice.Currency.ShouldBe("eur");
        invoice.InvoiceDate.ShouldBe(new DateOnly(2026, 11, 1));
        invoice.InvoiceDueDate.ShouldBe(new DateOnly(2026, 12, 1));
        invoice.InvoiceNumber.ShouldBe("INV-001");
        invoice.Note.ShouldBe("Thanks");
        invoice.OriginatingCounterpartyId.ShouldBe(Originating);
        invoice.ReceivingCounterpartyId.ShouldBe(Receiving);
        invoice.CreatedAt.ShouldBe(Now);
        invoice.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Create_gives_a_time_ordered_v7_id()
    {
        var first = Invoice.Create(Valid, Now);
        var later = Invoice.Create(Valid, Now.AddSeconds(1));

        first.Id.Version.ShouldBe(7);
        first.Id.ShouldNotBe(Guid.Empty);
        later.Id.ShouldNotBe(first.Id);
        later.Id.CompareTo(first.Id).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Create_leaves_the_environment_to_persistence() =>
        Enum.IsDefined(Invoice.Create(Valid, Now).Environment).ShouldBeFalse();

    [Theory]
    [InlineData(1L)]
    [InlineData(100_000_000_000L)]
    public void Create_accepts_amount_at_the_bounds(long amount) =>
        Invoice.Create(Valid with { AmountCents = amount, DiscountAmountCents = 0 }, Now).AmountCents.ShouldBe(amount);

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(100_000_000_001L)]
    [InlineData(long.MaxValue)]
    public void Create_refuses_amount_out_of_range(long amount) =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { AmountCents = amount, DiscountAmountCents = 0 }, Now));

    [Fact]
    public void Create_accepts_a_discount_equal_to_the_amount() =>
        Invoice.Create(Valid with { DiscountAmountCents = 10_000 }, Now).AmountDueCents.ShouldBe(0);

    [Theory]
    [InlineData(-1L)]
    [InlineData(10_001L)]
    public void Create_refuses_discount_outside_zero_to_amount(long discount) =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { DiscountAmountCents = discount }, Now));

    [Theory]
    [InlineData("USD")]
    [InlineData("Usd")]
    [InlineData("us")]
    [InlineData("usdd")]
    [InlineData("")]
    [InlineData("u5d")]
    [InlineData("ùsd")]
    public void Create_refuses_a_currency_that_is_not_three_lowercase_ascii_letters(string currency) =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { Currency = currency }, Now));

    [Theory]
    [InlineData("usd", true)]
    [InlineData("chf", true)]
    [InlineData("USD", false)]
    [InlineData("us", false)]
    [InlineData("usdd", false)]
    [InlineData("ùsd", false)]
    public void IsCurrencyCode_accepts_exactly_three_lowercase_ascii_letters(string value, bool expected) =>
        Invoice.IsCurrencyCode(value).ShouldBe(expected);

    [Fact]
    public void Create_accepts_a_due_date_equal_to_the_invoice_date() =>
        Invoice.Create(Valid with { InvoiceDueDate = Valid.InvoiceDate }, Now).InvoiceDueDate.ShouldBe(Valid.InvoiceDate);

    [Fact]
    public void Create_refuses_a_due_date_before_the_invoice_date() =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { InvoiceDueDate = Valid.InvoiceDate.AddDays(-1) }, Now));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_refuses_a_blank_invoice_number(string number) =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { InvoiceNumber = number }, Now));

    [Fact]
    public void Create_counts_invoice_number_length_in_characters_not_utf16_units()
    {
        var sixtyFourAstral = string.Concat(Enumerable.Repeat("😀", 64));

        Invoice.Create(Valid with { InvoiceNumber = sixtyFourAstral }, Now).InvoiceNumber.ShouldBe(sixtyFourAstral);
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { InvoiceNumber = sixtyFourAstral + "x" }, Now));
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { InvoiceNumber = new string('x', 65) }, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_accepts_no_note_or_a_blank_one(string? note) =>
        Invoice.Create(Valid with { Note = note }, Now).Note.ShouldBe(note);

    [Fact]
    public void Create_allows_a_note_of_1000_characters_but_not_1001()
    {
        Invoice.Create(Valid with { Note = string.Concat(Enumerable.Repeat("😀", 1000)) }, Now).Note.ShouldNotBeNull();
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { Note = new string('x', 1001) }, Now));
    }

    [Fact]
    public void Create_refuses_the_same_counterparty_on_both_sides() =>
        Should.Throw<DomainException>(() => Invoice.Create(Valid with { ReceivingCounterpartyId = Originating }, Now));
}
