namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// The design card's seed batch (CONTRACT.md §5.3): three invoices, two of them with misspelled field names, and the
/// exact <c>items</c> the answer must carry for it.
/// </summary>
internal static class SeedExample
{
    /// <summary>The <c>items</c> of the 400 answer, exactly.</summary>
    public const string Items = """
        [
          { "amount_cents": ["This field is required."], "invoice_date": ["This field is required."] },
          { "invoice_date": ["This field is required."], "originating_counterparty_id": ["This field is required."] },
          {}
        ]
        """;

    /// <summary>The invoice numbers of the three invoices: none of them may be stored.</summary>
    public static readonly string[] InvoiceNumbers = ["12346", "12347", "123487"];

    /// <summary>The batch, its counterparty ids replaced by <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static string Batch(Guid a, Guid b) => $$"""
        [{
            "amount_cents2": 20000,
            "discount_amount_cents": 0,
            "invoice_date1": "2021-11-22",
            "invoice_due_date": "2021-11-23",
            "invoice_number": "12346",
            "note": "May’s Annual Tire Order",
            "originating_counterparty_id": "{{a}}",
            "receiving_counterparty_id": "{{b}}"
        },
        {
            "amount_cents": 30000,
            "discount_amount_cents": 0,
            "invoice_date2": "2021-11-22",
            "invoice_due_date": "2021-11-23",
            "invoice_number": "12347",
            "note": "June’s Annual Tire Order",
            "originating_counterparty_id2": "{{a}}",
            "receiving_counterparty_id": "{{b}}"
        },
        {
            "amount_cents": 30000,
            "discount_amount_cents": 0,
            "invoice_date": "2021-11-22",
            "invoice_due_date": "2021-11-23",
            "invoice_number": "123487",
            "note": "June’s Annual Tire Order",
            "originating_counterparty_id": "{{a}}",
            "receiving_counterparty_id": "{{b}}"
        }]
        """;
}
