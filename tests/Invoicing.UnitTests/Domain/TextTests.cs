using Invoicing.Domain.Common;

namespace Invoicing.UnitTests.Domain;

public sealed class TextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("é", 1)] // precomposed U+00E9
    [InlineData("😀", 1)] // one astral scalar, two UTF-16 units
    [InlineData("a😀b𝄞", 4)]
    public void Length_counts_unicode_scalar_values(string value, int expected) =>
        Text.Length(value).ShouldBe(expected);

    [Fact]
    public void Length_of_astral_text_is_half_its_utf16_length()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 10));

        text.Length.ShouldBe(20);
        Text.Length(text).ShouldBe(10);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("\t\r\n", true)]
    [InlineData(" x ", false)]
    public void IsBlank_is_true_only_for_empty_or_whitespace(string value, bool expected) =>
        Text.IsBlank(value).ShouldBe(expected);
}
