using System.Buffers.Binary;

namespace Invoicing.Domain.Common;

/// <summary>
/// Time-ordered ids (UUIDv7, RFC 9562) that are also strictly increasing within this process.
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills everything after the millisecond with random
/// bits, so two ids of one millisecond (every invoice of a batch) would sort at random. Here an id that
/// would not sort after the previous one is the previous one plus one in its 74 random bits
/// (RFC 9562 §6.2, method 2). Lists sort by id, so "newest first" is creation order (docs/decisions/0009).
/// </summary>
public static class Uuid7
{
    private const int RandomBits = 74; // rand_a (12) + rand_b (62)
    private static readonly UInt128 RandBMask = (UInt128.One << 62) - 1;
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    public static Guid Next(DateTimeOffset now)
    {
        var fresh = Read(Guid.CreateVersion7(now));
        lock (Gate)
        {
            if (fresh <= _last)
            {
                fresh = Increment(_last);
            }

            _last = fresh;
        }

        return Write(fresh);
    }

    /// <summary>
    /// The smallest UUID whose 48-bit timestamp is <paramref name="unixMilliseconds"/> (clamped to 0 … 2^48 − 1), all other
    /// bits zero: every UUIDv7 of that millisecond or later sorts at or after it, every earlier one before it. A range of
    /// creation times is thereby a range of ids, which is the order lists walk (docs/decisions/0040).
    /// </summary>
    public static Guid FirstOf(long unixMilliseconds) =>
        Write((UInt128)(ulong)Math.Clamp(unixMilliseconds, 0, (1L << 48) - 1) << 80);

    private static UInt128 Increment(UInt128 value)
    {
        var milliseconds = value >> 80;
        var counter = (((value >> 64) & 0xFFF) << 62 | (value & RandBMask)) + 1;
        if (counter >> RandomBits != 0)
        {
            milliseconds++; // 2^74 ids in one millisecond: borrow the next one
            counter = 0;
        }

        return milliseconds << 80 | (UInt128)7 << 76 | (counter >> 62) << 64 | (UInt128)2 << 62 | (counter & RandBMask);
    }

    private static UInt128 Read(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static Guid Write(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }
}
