using FluentValidation.Results;
using Invoicing.Application.Common.Validation;

namespace Invoicing.UnitTests.Validation;

public sealed class FieldErrorTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("AmountCents", "amount_cents")]
    [InlineData("OriginatingCounterpartyId", "originating_counterparty_id")]
    [InlineData("Items[2].AmountCents", "[2].amount_cents")]
    [InlineData("Items[0].InvoiceDueDate", "[0].invoice_due_date")]
    [InlineData("Items[999].ReceivingCounterpartyId", "[999].receiving_counterparty_id")]
    [InlineData("Items[3]", "[3]")]
    [InlineData("", "")]
    public void WireName_turns_property_paths_into_snake_case_member_names(string path, string expected) =>
        FieldError.WireName(path).ShouldBe(expected);

    [Fact]
    public void From_keeps_code_and_message_and_renames_the_field()
    {
        var failure = new ValidationFailure("Items[2].AmountCents", "This field is required.") { ErrorCode = FieldErrorCodes.Required };

        FieldError.From(failure).ShouldBe(new FieldError("[2].amount_cents", "required", "This field is required."));
    }
}
