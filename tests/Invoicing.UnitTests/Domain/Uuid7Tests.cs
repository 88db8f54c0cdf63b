using Invoicing.Domain.Common;

namespace Invoicing.UnitTests.Domain;

public sealed class Uuid7Tests
{
    [Fact]
    public void Ids_of_one_millisecond_are_version_7_and_strictly_increasing_in_creation_order()
    {
        var now = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 10_000).Select(_ => Uuid7.Next(now)).ToList();

        ids.ShouldAllBe(id => id.Version == 7 && "89ab".Contains(id.ToString()[19]));
        ids.ShouldBe(ids.Order().ToList(), customMessage: "Guid order (PostgreSQL uuid)");
        var text = ids.Select(id => id.ToString().ToUpperInvariant()).ToList();
        text.ShouldBe(text.Order(StringComparer.Ordinal).ToList(), customMessage: "text order (SQLite)");
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void An_id_carries_the_millisecond_it_was_made_in_unless_an_earlier_one_went_past_it()
    {
        var later = DateTimeOffset.UtcNow.AddYears(1); // beyond every other id of this run

        var id = Uuid7.Next(later);

        var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
        milliseconds.ShouldBe(later.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void A_clock_that_goes_back_still_gives_a_greater_id()
    {
        var first = Uuid7.Next(DateTimeOffset.UtcNow.AddMinutes(10));

        var second = Uuid7.Next(DateTimeOffset.UtcNow);

        second.ShouldBeGreaterThan(first);
    }

    [Fact]
    public void The_first_id_of_a_millisecond_sorts_before_every_id_made_in_it_and_after_every_earlier_one()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1); // not Uuid7.Next beyond now: that would move this run's generator
        var milliseconds = at.ToUnixTimeMilliseconds();

        var first = Uuid7.FirstOf(milliseconds);

        first.ToString("N").ShouldBe(milliseconds.ToString("x12", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 20));
        Guid.CreateVersion7(at).ShouldBeGreaterThan(first);
        Guid.CreateVersion7(at.AddMilliseconds(-1)).ShouldBeLessThan(first);
        Uuid7.FirstOf(-1).ShouldBe(Guid.Empty); // before 1970: nothing sorts lower
    }
}
