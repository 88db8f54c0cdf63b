using Invoicing.Application.Common.Validation;

namespace Invoicing.UnitTests.Validation;

/// <summary>The codes and messages are the contract's (§3.1), character for character.</summary>
public sealed class FieldErrorCodesTests
{
    [Fact]
    public void Codes_are_the_contract_codes()
    {
        string[] codes =
        [
            FieldErrorCodes.Required, FieldErrorCodes.Null, FieldErrorCodes.Blank, FieldErrorCodes.Invalid,
            FieldErrorCodes.MinValue, FieldErrorCodes.MaxValue, FieldErrorCodes.MaxLength, FieldErrorCodes.Unique,
            FieldErrorCodes.DoesNotExist, FieldErrorCodes.InvalidRelation,
        ];

        codes.ShouldBe(["required", "null", "blank", "invalid", "min_value", "max_value", "max_length", "unique", "does_not_exist", "invalid_relation"]);
    }

    [Fact]
    public void Fixed_messages_are_the_contract_messages()
    {
        FieldErrorCodes.RequiredMessage.ShouldBe("This field is required.");
        FieldErrorCodes.NullMessage.ShouldBe("This field may not be null.");
        FieldErrorCodes.BlankMessage.ShouldBe("This field may not be blank.");
        FieldErrorCodes.InvalidIntegerMessage.ShouldBe("A valid integer is required.");
        FieldErrorCodes.InvalidStringMessage.ShouldBe("Not a valid string.");
        FieldErrorCodes.InvalidUuidMessage.ShouldBe("Must be a valid UUID.");
        FieldErrorCodes.InvalidDateMessage.ShouldBe("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
        FieldErrorCodes.InvalidEmailMessage.ShouldBe("Enter a valid email address.");
        FieldErrorCodes.UniqueInvoiceNumberMessage.ShouldBe("invoice with this invoice number already exists.");
    }

    [Fact]
    public void Parameterised_messages_are_the_contract_messages()
    {
        FieldErrorCodes.MinValueMessage(1).ShouldBe("Ensure this value is greater than or equal to 1.");
        FieldErrorCodes.MaxValueMessage(100_000_000_000).ShouldBe("Ensure this value is less than or equal to 100000000000.");
        FieldErrorCodes.MaxLengthMessage(64).ShouldBe("Ensure this field has no more than 64 characters.");
        FieldErrorCodes.DoesNotExistMessage("0196f0a0-0000-7000-8000-000000000001")
            .ShouldBe("Invalid pk \"0196f0a0-0000-7000-8000-000000000001\" - object does not exist.");
    }
}
