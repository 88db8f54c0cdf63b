namespace Invoicing.Domain.Invoices;

public enum InvoiceStatus
{
    Open = 1,
    Paid = 2,
    Void = 3,
}
