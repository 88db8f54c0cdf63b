using Invoicing.Application.Common.Validation;

namespace Invoicing.UnitTests.Validation;

public sealed class InputTests
{
    [Fact]
    public void Missing_is_the_default_state()
    {
        Input<long>.Missing.State.ShouldBe(InputState.Missing);
        default(Input<long>).State.ShouldBe(InputState.Missing);
        Input<long>.Missing.IsPresent.ShouldBeFalse();
    }

    [Fact]
    public void Null_is_not_present()
    {
        Input<string>.Null.State.ShouldBe(InputState.Null);
        Input<string>.Null.IsPresent.ShouldBeFalse();
        Input<string>.Null.InvalidMessage.ShouldBeNull();
    }

    [Fact]
    public void Invalid_carries_its_message_and_is_not_present()
    {
        var input = Input<long>.Invalid(FieldErrorCodes.InvalidIntegerMessage);

        input.State.ShouldBe(InputState.Invalid);
        input.IsPresent.ShouldBeFalse();
        input.InvalidMessage.ShouldBe("A valid integer is required.");
    }

    [Fact]
    public void Of_is_present_with_its_value()
    {
        var input = Input<long>.Of(42);

        input.State.ShouldBe(InputState.Present);
        input.IsPresent.ShouldBeTrue();
        input.Value.ShouldBe(42);
    }

    [Fact]
    public void A_present_default_value_is_still_present()
    {
        Input<long>.Of(0).IsPresent.ShouldBeTrue();
        Input<long>.Of(0).ShouldNotBe(Input<long>.Missing);
    }

    [Fact]
    public void ValueOr_uses_the_fallback_unless_a_value_is_present()
    {
        Input<long>.Of(7).ValueOr(99).ShouldBe(7);
        Input<long>.Missing.ValueOr(99).ShouldBe(99);
        Input<long>.Null.ValueOr(99).ShouldBe(99);
        Input<long>.Invalid("A valid integer is required.").ValueOr(99).ShouldBe(99);
    }

    [Fact]
    public void Inputs_compare_by_state_and_value()
    {
        Input<string>.Of("a").ShouldBe(Input<string>.Of("a"));
        Input<string>.Of("a").ShouldNotBe(Input<string>.Of("b"));
        Input<string>.Null.ShouldNotBe(Input<string>.Missing);
    }
}
