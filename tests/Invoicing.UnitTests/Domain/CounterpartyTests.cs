using Invoicing.Domain.Common;
using Invoicing.Domain.Counterparties;

namespace Invoicing.UnitTests.Domain;

public sealed class CounterpartyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Create_keeps_name_email_and_time()
    {
        var counterparty = Counterparty.Create("Acme Tires", "billing@acme.test", Now);

        counterparty.Name.ShouldBe("Acme Tires");
        counterparty.Email.ShouldBe("billing@acme.test");
        counterparty.CreatedAt.ShouldBe(Now);
        counterparty.Id.Version.ShouldBe(7);
    }

    [Fact]
    public void Create_accepts_no_email() =>
        Counterparty.Create("Acme", null, Now).Email.ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Create_refuses_a_blank_name(string name) =>
        Should.Throw<DomainException>(() => Counterparty.Create(name, null, Now));

    [Fact]
    public void Create_limits_the_name_to_200_characters()
    {
        Counterparty.Create(new string('a', 200), null, Now).Name.Length.ShouldBe(200);
        Should.Throw<DomainException>(() => Counterparty.Create(new string('a', 201), null, Now));
    }

    [Fact]
    public void Create_counts_astral_characters_in_the_name_as_one()
    {
        var twoHundredAstral = string.Concat(Enumerable.Repeat("𝄞", 200));

        Counterparty.Create(twoHundredAstral, null, Now).Name.ShouldBe(twoHundredAstral);
        Should.Throw<DomainException>(() => Counterparty.Create(twoHundredAstral + "𝄞", null, Now));
    }

    [Fact]
    public void Create_limits_the_email_to_254_characters()
    {
        var email254 = new string('a', 254 - "@acme.test".Length) + "@acme.test";

        Counterparty.Create("Acme", email254, Now).Email.ShouldBe(email254);
        Should.Throw<DomainException>(() => Counterparty.Create("Acme", "a" + email254, Now));
    }
}
