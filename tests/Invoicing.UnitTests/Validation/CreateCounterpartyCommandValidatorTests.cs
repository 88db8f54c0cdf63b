using Invoicing.Application.Common.Validation;
using Invoicing.Application.Counterparties.CreateCounterparty;

namespace Invoicing.UnitTests.Validation;

public sealed class CreateCounterpartyCommandValidatorTests
{
    private static readonly CreateCounterpartyCommand Valid = new(Input<string>.Of("Acme Tires"), Input<string>.Of("billing@acme.test"), default);

    private static List<FieldError> Errors(CreateCounterpartyCommand command) =>
        new CreateCounterpartyCommandValidator().Validate(command).Errors.Select(FieldError.From).ToList();

    private static void ShouldFailOnly(CreateCounterpartyCommand command, string field, string code, string message) =>
        Errors(command).ShouldHaveSingleItem().ShouldBe(new FieldError(field, code, message));

    [Fact]
    public void A_valid_command_passes() => Errors(Valid).ShouldBeEmpty();

    // name

    [Fact]
    public void Name_missing_is_required() =>
        ShouldFailOnly(Valid with { Name = Input<string>.Missing }, "name", "required", "This field is required.");

    [Fact]
    public void Name_null_is_null() =>
        ShouldFailOnly(Valid with { Name = Input<string>.Null }, "name", "null", "This field may not be null.");

    [Fact]
    public void Name_of_the_wrong_type_is_invalid() =>
        ShouldFailOnly(Valid with { Name = Input<string>.Invalid("Not a valid string.") }, "name", "invalid", "Not a valid string.");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Name_blank_is_blank(string name) =>
        ShouldFailOnly(Valid with { Name = Input<string>.Of(name) }, "name", "blank", "This field may not be blank.");

    [Fact]
    public void Name_of_200_characters_passes_and_201_is_max_length()
    {
        Errors(Valid with { Name = Input<string>.Of(new string('a', 200)) }).ShouldBeEmpty();
        ShouldFailOnly(Valid with { Name = Input<string>.Of(new string('a', 201)) }, "name", "max_length", "Ensure this field has no more than 200 characters.");
    }

    [Fact]
    public void Name_counts_astral_characters_as_one()
    {
        var twoHundred = string.Concat(Enumerable.Repeat("𝄞", 200)); // 400 UTF-16 units

        Errors(Valid with { Name = Input<string>.Of(twoHundred) }).ShouldBeEmpty();
        ShouldFailOnly(Valid with { Name = Input<string>.Of(twoHundred + "𝄞") }, "name", "max_length", "Ensure this field has no more than 200 characters.");
    }

    // email

    [Fact]
    public void Email_may_be_missing_or_null()
    {
        Errors(Valid with { Email = Input<string>.Missing }).ShouldBeEmpty();
        Errors(Valid with { Email = Input<string>.Null }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("billing@acme.test")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("a@b.c")]
    public void Plausible_email_addresses_pass(string email) =>
        Errors(Valid with { Email = Input<string>.Of(email) }).ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("plainaddress")]
    [InlineData("@acme.test")]
    [InlineData("billing@")]
    [InlineData("billing@acme")]
    [InlineData("billing@acme.")]
    [InlineData("billing@.acme.test")]
    [InlineData("billing@acme..test")]
    [InlineData("bil ling@acme.test")]
    [InlineData("billing@ac@me.test")]
    public void Implausible_email_addresses_are_invalid(string email) =>
        ShouldFailOnly(Valid with { Email = Input<string>.Of(email) }, "email", "invalid", "Enter a valid email address.");

    [Fact]
    public void Email_of_the_wrong_type_is_invalid_with_the_type_message() =>
        ShouldFailOnly(Valid with { Email = Input<string>.Invalid("Not a valid string.") }, "email", "invalid", "Not a valid string.");

    [Fact]
    public void Email_of_254_characters_passes_and_255_is_max_length()
    {
        var email254 = new string('a', 254 - "@acme.test".Length) + "@acme.test";

        Errors(Valid with { Email = Input<string>.Of(email254) }).ShouldBeEmpty();
        ShouldFailOnly(Valid with { Email = Input<string>.Of("a" + email254) }, "email", "max_length", "Ensure this field has no more than 254 characters.");
    }

    [Fact]
    public void Every_failing_field_is_reported_at_once()
    {
        var errors = Errors(new CreateCounterpartyCommand(Input<string>.Missing, Input<string>.Of("nope"), default));

        errors.ShouldBe(
            [
                new FieldError("name", "required", "This field is required."),
                new FieldError("email", "invalid", "Enter a valid email address."),
            ],
            ignoreOrder: true);
    }
}
