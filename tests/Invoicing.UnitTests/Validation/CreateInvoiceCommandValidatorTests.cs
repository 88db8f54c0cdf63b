using Invoicing.Application.Common.Validation;
using Invoicing.Application.Invoices.CreateInvoice;

namespace Invoicing.UnitTests.Validation;

/// <summary>The field rules of one invoice (§5.1), which a single create and each batch item run.</summary>
public sealed class CreateInvoiceCommandValidatorTests
{
    private static readonly Guid Originating = Guid.Parse("0196f0a0-0000-7000-8000-000000000001");
    private static readonly Guid Receiving = Guid.Parse("0196f0a0-0000-7000-8000-000000000002");

    private static readonly CreateInvoiceCommand Valid = new(
        AmountCents: Input<long>.Of(10_000),
        DiscountAmountCents: Input<long>.Of(2_500),
        Currency: Input<string>.Of("usd"),
        InvoiceDate: Input<DateOnly>.Of(new DateOnly(2026, 11, 1)),
        InvoiceDueDate: Input<DateOnly>.Of(new DateOnly(2026, 12, 1)),
        InvoiceNumber: Input<string>.Of("INV-001"),
        Note: Input<string>.Of("Thanks"),
        OriginatingCounterpartyId: Input<Guid>.Of(Originating),
        ReceivingCounterpartyId: Input<Guid>.Of(Receiving),
        Metadata: Input<IReadOnlyDictionary<string, string?>>.Missing);

    /// <summary>Every failure of the draft, in wire form and in the order the rules report them.</summary>
    private static List<FieldError> Errors(CreateInvoiceCommand draft) =>
        CreateInvoiceCommandValidator.Fields.Validate(draft).Errors.Select(FieldError.From).ToList();

    private static void ShouldFailOnly(CreateInvoiceCommand draft, string field, string code, string message) =>
        Errors(draft).ShouldHaveSingleItem().ShouldBe(new FieldError(field, code, message));

    [Fact]
    public void A_complete_valid_draft_passes() => Errors(Valid).ShouldBeEmpty();

    [Fact]
    public void A_draft_with_only_the_required_fields_passes() =>
        Errors(Valid with { DiscountAmountCents = default, Currency = default, Note = default }).ShouldBeEmpty();

    // amount_cents

    [Fact]
    public void Amount_missing_is_required() =>
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Missing, DiscountAmountCents = default }, "amount_cents", "required", "This field is required.");

    [Fact]
    public void Amount_null_is_null() =>
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Null }, "amount_cents", "null", "This field may not be null.");

    [Fact]
    public void Amount_of_the_wrong_type_is_invalid_with_the_type_message() =>
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Invalid("A valid integer is required.") }, "amount_cents", "invalid", "A valid integer is required.");

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(long.MinValue)]
    public void Amount_below_one_is_min_value(long amount) =>
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Of(amount), DiscountAmountCents = default }, "amount_cents", "min_value", "Ensure this value is greater than or equal to 1.");

    [Theory]
    [InlineData(100_000_000_001L)]
    [InlineData(long.MaxValue)]
    public void Amount_over_the_maximum_is_max_value(long amount) =>
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Of(amount) }, "amount_cents", "max_value", "Ensure this value is less than or equal to 100000000000.");

    [Theory]
    [InlineData(1L)]
    [InlineData(100_000_000_000L)]
    public void Amount_at_the_bounds_passes(long amount) =>
        Errors(Valid with { AmountCents = Input<long>.Of(amount), DiscountAmountCents = Input<long>.Of(1) }).ShouldBeEmpty();

    // discount_amount_cents

    [Fact]
    public void Discount_null_is_null() =>
        ShouldFailOnly(Valid with { DiscountAmountCents = Input<long>.Null }, "discount_amount_cents", "null", "This field may not be null.");

    [Fact]
    public void Discount_of_the_wrong_type_is_invalid() =>
        ShouldFailOnly(Valid with { DiscountAmountCents = Input<long>.Invalid("A valid integer is required.") }, "discount_amount_cents", "invalid", "A valid integer is required.");

    [Fact]
    public void Discount_below_zero_is_min_value() =>
        ShouldFailOnly(Valid with { DiscountAmountCents = Input<long>.Of(-1) }, "discount_amount_cents", "min_value", "Ensure this value is greater than or equal to 0.");

    [Fact]
    public void Discount_of_zero_or_the_whole_amount_passes()
    {
        Errors(Valid with { DiscountAmountCents = Input<long>.Of(0) }).ShouldBeEmpty();
        Errors(Valid with { DiscountAmountCents = Input<long>.Of(10_000) }).ShouldBeEmpty();
    }

    [Fact]
    public void Discount_over_the_amount_is_max_value_naming_the_amount() =>
        ShouldFailOnly(Valid with { DiscountAmountCents = Input<long>.Of(10_001) }, "discount_amount_cents", "max_value", "Ensure this value is less than or equal to 10000.");

    [Fact]
    public void Discount_is_not_compared_with_an_amount_that_is_not_there()
    {
        var big = Input<long>.Of(10_001);

        ShouldFailOnly(Valid with { AmountCents = Input<long>.Missing, DiscountAmountCents = big }, "amount_cents", "required", "This field is required.");
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Null, DiscountAmountCents = big }, "amount_cents", "null", "This field may not be null.");
        ShouldFailOnly(Valid with { AmountCents = Input<long>.Invalid("A valid integer is required."), DiscountAmountCents = big }, "amount_cents", "invalid", "A valid integer is required.");
    }

    // currency

    [Fact]
    public void Currency_missing_passes() => Errors(Valid with { Currency = Input<string>.Missing }).ShouldBeEmpty();

    [Fact]
    public void Currency_null_is_null() =>
        ShouldFailOnly(Valid with { Currency = Input<string>.Null }, "currency", "null", "This field may not be null.");

    [Theory]
    [InlineData("USD")]
    [InlineData("us")]
    [InlineData("usdd")]
    [InlineData("")]
    [InlineData("u1d")]
    public void Currency_not_three_lowercase_letters_is_invalid(string currency) =>
        ShouldFailOnly(Valid with { Currency = Input<string>.Of(currency) }, "currency", "invalid", FieldErrorCodes.InvalidCurrencyMessage);

    [Fact]
    public void Currency_of_the_wrong_type_is_invalid_with_the_type_message() =>
        ShouldFailOnly(Valid with { Currency = Input<string>.Invalid("Not a valid string.") }, "currency", "invalid", "Not a valid string.");

    // invoice_date, invoice_due_date

    [Fact]
    public void Invoice_date_missing_is_required() =>
        ShouldFailOnly(Valid with { InvoiceDate = Input<DateOnly>.Missing }, "invoice_date", "required", "This field is required.");

    [Fact]
    public void Invoice_date_null_is_null() =>
        ShouldFailOnly(Valid with { InvoiceDate = Input<DateOnly>.Null }, "invoice_date", "null", "This field may not be null.");

    [Fact]
    public void Invoice_date_badly_formatted_is_invalid() =>
        ShouldFailOnly(Valid with { InvoiceDate = Input<DateOnly>.Invalid(FieldErrorCodes.InvalidDateMessage) },
            "invoice_date", "invalid", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");

    [Fact]
    public void Due_date_missing_is_required() =>
        ShouldFailOnly(Valid with { InvoiceDueDate = Input<DateOnly>.Missing }, "invoice_due_date", "required", "This field is required.");

    [Fact]
    public void Due_date_null_is_null() =>
        ShouldFailOnly(Valid with { InvoiceDueDate = Input<DateOnly>.Null }, "invoice_due_date", "null", "This field may not be null.");

    [Fact]
    public void Due_date_before_the_invoice_date_is_invalid_relation() =>
        ShouldFailOnly(Valid with { InvoiceDueDate = Input<DateOnly>.Of(new DateOnly(2026, 10, 31)) },
            "invoice_due_date", "invalid_relation", "Must be on or after invoice_date.");

    [Fact]
    public void Due_date_on_the_invoice_date_passes() =>
        Errors(Valid with { InvoiceDueDate = Valid.InvoiceDate }).ShouldBeEmpty();

    [Fact]
    public void Due_date_is_not_compared_with_an_invoice_date_that_is_not_there() =>
        ShouldFailOnly(Valid with { InvoiceDate = Input<DateOnly>.Invalid(FieldErrorCodes.InvalidDateMessage), InvoiceDueDate = Input<DateOnly>.Of(DateOnly.MinValue) },
            "invoice_date", "invalid", FieldErrorCodes.InvalidDateMessage);

    // invoice_number

    [Fact]
    public void Invoice_number_missing_is_required() =>
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Missing }, "invoice_number", "required", "This field is required.");

    [Fact]
    public void Invoice_number_null_is_null() =>
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Null }, "invoice_number", "null", "This field may not be null.");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Invoice_number_blank_is_blank(string number) =>
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Of(number) }, "invoice_number", "blank", "This field may not be blank.");

    [Fact]
    public void Invoice_number_of_65_characters_is_max_length() =>
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Of(new string('9', 65)) },
            "invoice_number", "max_length", "Ensure this field has no more than 64 characters.");

    [Fact]
    public void Invoice_number_counts_astral_characters_as_one()
    {
        var sixtyFour = string.Concat(Enumerable.Repeat("😀", 64)); // 128 UTF-16 units

        Errors(Valid with { InvoiceNumber = Input<string>.Of(sixtyFour) }).ShouldBeEmpty();
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Of(sixtyFour + "😀") },
            "invoice_number", "max_length", "Ensure this field has no more than 64 characters.");
    }

    [Fact]
    public void Invoice_number_of_the_wrong_type_is_invalid() =>
        ShouldFailOnly(Valid with { InvoiceNumber = Input<string>.Invalid("Not a valid string.") }, "invoice_number", "invalid", "Not a valid string.");

    // note

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Note_may_be_blank(string note) => Errors(Valid with { Note = Input<string>.Of(note) }).ShouldBeEmpty();

    [Fact]
    public void Note_may_be_null_or_missing()
    {
        Errors(Valid with { Note = Input<string>.Null }).ShouldBeEmpty();
        Errors(Valid with { Note = Input<string>.Missing }).ShouldBeEmpty();
    }

    [Fact]
    public void Note_of_1000_characters_passes_and_1001_is_max_length()
    {
        Errors(Valid with { Note = Input<string>.Of(string.Concat(Enumerable.Repeat("😀", 1000))) }).ShouldBeEmpty();
        ShouldFailOnly(Valid with { Note = Input<string>.Of(new string('n', 1001)) }, "note", "max_length", "Ensure this field has no more than 1000 characters.");
    }

    [Fact]
    public void Note_of_the_wrong_type_is_invalid() =>
        ShouldFailOnly(Valid with { Note = Input<string>.Invalid("Not a valid string.") }, "note", "invalid", "Not a valid string.");

    // counterparties

    [Fact]
    public void Originating_counterparty_missing_is_required() =>
        ShouldFailOnly(Valid with { OriginatingCounterpartyId = Input<Guid>.Missing }, "originating_counterparty_id", "required", "This field is required.");

    [Fact]
    public void Receiving_counterparty_null_is_null() =>
        ShouldFailOnly(Valid with { ReceivingCounterpartyId = Input<Guid>.Null }, "receiving_counterparty_id", "null", "This field may not be null.");

    [Fact]
    public void Counterparty_id_that_is_not_a_uuid_is_invalid() =>
        ShouldFailOnly(Valid with { OriginatingCounterpartyId = Input<Guid>.Invalid("Must be a valid UUID.") }, "originating_counterparty_id", "invalid", "Must be a valid UUID.");

    [Fact]
    public void Same_counterparty_on_both_sides_is_invalid_relation_on_the_receiving_one() =>
        ShouldFailOnly(Valid with { ReceivingCounterpartyId = Input<Guid>.Of(Originating) },
            "receiving_counterparty_id", "invalid_relation", "Must differ from originating_counterparty_id.");

    // all at once

    [Fact]
    public void An_empty_draft_reports_every_required_field_and_nothing_else()
    {
        var errors = Errors(new CreateInvoiceCommand(default, default, default, default, default, default, default, default, default, default));

        errors.ShouldAllBe(e => e.Code == "required" && e.Message == "This field is required.");
        errors.Select(e => e.Field).ShouldBe(
            ["amount_cents", "invoice_date", "invoice_due_date", "invoice_number", "originating_counterparty_id", "receiving_counterparty_id"],
            ignoreOrder: true);
    }

    [Fact]
    public void Every_failing_field_is_reported_at_once()
    {
        var draft = new CreateInvoiceCommand(
            AmountCents: Input<long>.Of(0),
            DiscountAmountCents: Input<long>.Null,
            Currency: Input<string>.Of("USD"),
            InvoiceDate: Input<DateOnly>.Of(new DateOnly(2026, 11, 2)),
            InvoiceDueDate: Input<DateOnly>.Of(new DateOnly(2026, 11, 1)),
            InvoiceNumber: Input<string>.Of(" "),
            Note: Input<string>.Of(new string('n', 1001)),
            OriginatingCounterpartyId: Input<Guid>.Invalid("Must be a valid UUID."),
            ReceivingCounterpartyId: Input<Guid>.Missing,
            Metadata: Input<IReadOnlyDictionary<string, string?>>.Missing);

        Errors(draft).Select(e => (e.Field, e.Code)).ShouldBe(
            [
                ("amount_cents", "min_value"),
                ("discount_amount_cents", "null"),
                ("currency", "invalid"),
                ("invoice_due_date", "invalid_relation"),
                ("invoice_number", "blank"),
                ("note", "max_length"),
                ("originating_counterparty_id", "invalid"),
                ("receiving_counterparty_id", "required"),
            ],
            ignoreOrder: true);
    }
}
