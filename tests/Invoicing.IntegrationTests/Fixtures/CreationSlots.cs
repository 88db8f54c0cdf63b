namespace Invoicing.IntegrationTests.Fixtures;

/// <summary>
/// Clocks for tests that need items with known, distinct creation times (<c>created[gte]</c> / <c>created[lte]</c>,
/// docs/decisions/0040). An id carries its creation millisecond only while the process's id generator has not gone
/// past the clock: it is monotonic per process, so an id made at an earlier time than the last one takes the last one's
/// millisecond (docs/decisions/0009). Each such test therefore takes a slot of its own, an hour after every earlier slot
/// and a day or more after real time, and holds it, one test at a time, while it creates and lists its items. Other
/// tests' ids made meanwhile sort after the slot's newest id, in its last millisecond, which no range of a later slot
/// reaches.
/// </summary>
public static class CreationSlots
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly DateTimeOffset First = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2);
    private static int _taken;

    /// <summary>Waits for the slot; dispose the answer to hand it on.</summary>
    public static async Task<Slot> TakeAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        return new Slot(new ManualClock(First.AddHours(++_taken)));
    }

    public sealed class Slot(ManualClock clock) : IDisposable
    {
        /// <summary>Starts on a whole second; moves only when the test says so.</summary>
        public ManualClock Clock { get; } = clock;

        /// <summary>The instant <paramref name="seconds"/> after the slot's start.</summary>
        public DateTimeOffset At(double seconds) => Clock.Start.AddSeconds(seconds);

        /// <summary>Moves the clock to <paramref name="seconds"/> after the start (never backwards).</summary>
        public void MoveTo(double seconds)
        {
            var by = At(seconds) - Clock.GetUtcNow();
            if (by < TimeSpan.Zero)
            {
                throw new InvalidOperationException("The clock of a creation slot only moves forwards.");
            }

            Clock.Advance(by);
        }

        public void Dispose() => Gate.Release();
    }
}
