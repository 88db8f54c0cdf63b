using FluentValidation.Results;
using Invoicing.Application.Common.Validation;

namespace Invoicing.UnitTests.Validation;

public sealed class FieldErrorTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("AmountCents", "amount_cents")]
    [InlineData("OriginatingCounterpartyId", "originating_counterparty_id")]
    [InlineData("InvoiceDueDate", "invoice_due_date")]
    [InlineData("invoice_date[gte]", "invoice_date[gte]")]
    [InlineData("", "")]
    public void From_turns_property_names_into_snake_case_member_names(string path, string expected) =>
        FieldError.From(new ValidationFailure(path, "m")).Field.ShouldBe(expected);

    [Fact]
    public void From_keeps_code_and_message_and_renames_the_field()
    {
        var failure = new ValidationFailure("AmountCents", "This field is required.") { ErrorCode = FieldErrorCodes.Required };

        FieldError.From(failure).ShouldBe(new FieldError("amount_cents", "required", "This field is required."));
    }

    [Theory]
    [InlineData("AmountCents", 2, "amount_cents")]
    [InlineData("InvoiceDueDate", 0, "invoice_due_date")]
    [InlineData("ReceivingCounterpartyId", 999, "receiving_counterparty_id")]
    [InlineData("", 3, "")]
    public void A_batch_item_failure_carries_its_index_as_data(string path, int item, string field)
    {
        var failure = new ValidationFailure(path, "This field is required.") { ErrorCode = FieldErrorCodes.Required }.ForItem(item);

        FieldError.From(failure).ShouldBe(new FieldError(field, "required", "This field is required.", item));
    }
}
