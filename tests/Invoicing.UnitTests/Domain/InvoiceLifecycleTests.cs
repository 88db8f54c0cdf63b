using Invoicing.Domain.Invoices;

namespace Invoicing.UnitTests.Domain;

/// <summary>The lifecycle rule of §5.2 lives in the aggregate: only an open invoice moves.</summary>
public sealed class InvoiceLifecycleTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddHours(1);

    private static Invoice Open() => Invoice.Create(
        new InvoiceTerms(10_000, 0, "usd", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), "INV-1", null, Guid.CreateVersion7(), Guid.CreateVersion7()),
        Created);

    [Fact]
    public void Paying_an_open_invoice_marks_it_paid_when_it_happened()
    {
        var invoice = Open();

        invoice.Pay(Later);

        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.PaidAt.ShouldBe(Later);
        invoice.UpdatedAt.ShouldBe(Later);
        invoice.VoidedAt.ShouldBeNull();
        invoice.CreatedAt.ShouldBe(Created);
    }

    [Fact]
    public void Voiding_an_open_invoice_marks_it_void_when_it_happened()
    {
        var invoice = Open();

        invoice.Void(Later);

        invoice.Status.ShouldBe(InvoiceStatus.Void);
        invoice.VoidedAt.ShouldBe(Later);
        invoice.UpdatedAt.ShouldBe(Later);
        invoice.PaidAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Void)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.Paid)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.Void)]
    public void A_paid_or_void_invoice_refuses_every_move_and_stays_as_it_was(InvoiceStatus first, InvoiceStatus second)
    {
        var invoice = Open();
        Move(invoice, first, Created.AddMinutes(1));
        var (status, paidAt, voidedAt, updatedAt) = (invoice.Status, invoice.PaidAt, invoice.VoidedAt, invoice.UpdatedAt);

        var conflict = Should.Throw<InvoiceStateConflictException>(() => Move(invoice, second, Later));

        conflict.InvoiceId.ShouldBe(invoice.Id);
        conflict.Current.ShouldBe(first);
        conflict.Requested.ShouldBe(second);
        conflict.Message.ShouldBe($"The invoice is {Name(first)}; only an open invoice can become {Name(second)}.");
        (invoice.Status, invoice.PaidAt, invoice.VoidedAt, invoice.UpdatedAt).ShouldBe((status, paidAt, voidedAt, updatedAt));
    }

    private static string Name(InvoiceStatus status) => status.ToString().ToLowerInvariant();

    private static void Move(Invoice invoice, InvoiceStatus to, DateTimeOffset at)
    {
        if (to == InvoiceStatus.Paid)
        {
            invoice.Pay(at);
        }
        else
        {
            invoice.Void(at);
        }
    }
}
