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
        var later = BeyondEveryId();

        var id = Uuid7.Next(later);

        var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
        milliseconds.ShouldBe(later.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void The_first_id_of_each_millisecond_has_fresh_random_bits()
    {
        var start = BeyondEveryId(); // each millisecond starts afresh

        var ids = Enumerable.Range(0, 500).Select(i => Uuid7.Next(start.AddMilliseconds(i))).ToList();

        var randomBits = ids.Select(id => id.ToString("N")[13..]).ToList(); // after the millisecond and the version nibble
        randomBits.Distinct().Count().ShouldBe(ids.Count);
        ids.Select(id => Convert.ToInt64(id.ToString("N")[..12], 16)).ShouldBe(Enumerable.Range(0, 500).Select(i => start.AddMilliseconds(i).ToUnixTimeMilliseconds()));
        // 74 random bits each: every hex digit of rand_b takes many values across the ids, none is stuck
        Enumerable.Range(17, 15).ShouldAllBe(position => ids.Select(id => id.ToString("N")[position]).Distinct().Count() > 8);
    }

    [Fact]
    public void A_time_before_1970_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Uuid7.Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));

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

    /// <summary>A second after the newest id of this process (the generator is shared by every test).</summary>
    private static DateTimeOffset BeyondEveryId() =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(Uuid7.Next(DateTimeOffset.UtcNow).ToString("N")[..12], 16) + 1000);
}
