using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Invoicing.Domain.Common;

/// <summary>
/// Time-ordered ids (UUIDv7, RFC 9562) that are also strictly increasing within this process.
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> fills everything after the millisecond with random
/// bits, so two ids of one millisecond (every invoice of a batch) would sort at random. Here an id that
/// would not sort after the previous one is the previous one plus one in its 74 random bits
/// (RFC 9562 §6.2, method 2). Lists sort by id, so "newest first" is creation order (docs/decisions/0009).
/// The random bits come from the cryptographic generator as <see cref="Guid.CreateVersion7(DateTimeOffset)"/>'s do, drawn
/// 4 KB at a time: one system call per id cost 6% of a batch's CPU (bench/README.md, issue 19).
/// </summary>
public static class Uuid7
{
    private const int RandomBits = 74; // rand_a (12) + rand_b (62)
    private const int RandomBytes = 10; // 80 bits drawn, the top 74 used
    private static readonly UInt128 RandBMask = (UInt128.One << 62) - 1;
    private static readonly Lock Gate = new();
    private static readonly byte[] Entropy = new byte[4096];
    private static int _drawn = Entropy.Length;
    private static UInt128 _last;

    public static Guid Next(DateTimeOffset now)
    {
        var milliseconds = now.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(now));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, (1L << 48) - 1, nameof(now));
        lock (Gate)
        {
            var fresh = Version7((ulong)milliseconds, DrawRandom());
            if (fresh <= _last)
            {
                fresh = Increment(_last);
            }

            _last = fresh;
            return Write(fresh);
        }
    }

    /// <summary>
    /// The smallest UUID whose 48-bit timestamp is <paramref name="unixMilliseconds"/> (clamped to 0 … 2^48 − 1), all other
    /// bits zero: every UUIDv7 of that millisecond or later sorts at or after it, every earlier one before it. A range of
    /// creation times is thereby a range of ids, which is the order lists walk (docs/decisions/0040).
    /// </summary>
    public static Guid FirstOf(long unixMilliseconds) =>
        Write((UInt128)(ulong)Math.Clamp(unixMilliseconds, 0, (1L << 48) - 1) << 80);

    /// <summary>74 fresh random bits; under <see cref="Gate"/>.</summary>
    private static UInt128 DrawRandom()
    {
        if (_drawn + RandomBytes > Entropy.Length)
        {
            RandomNumberGenerator.Fill(Entropy);
            _drawn = 0;
        }

        Span<byte> bytes = stackalloc byte[16]; // zeroed: the top six bytes stay 0
        Entropy.AsSpan(_drawn, RandomBytes).CopyTo(bytes);
        Entropy.AsSpan(_drawn, RandomBytes).Clear(); // drawn bits are not kept around
        _drawn += RandomBytes;
        return BinaryPrimitives.ReadUInt128LittleEndian(bytes) >> (RandomBytes * 8 - RandomBits);
    }

    /// <summary>The 48-bit millisecond, the version (7), rand_a (12 bits), the variant (10) and rand_b (62 bits).</summary>
    private static UInt128 Version7(UInt128 milliseconds, UInt128 random) =>
        milliseconds << 80 | (UInt128)7 << 76 | (random >> 62) << 64 | (UInt128)2 << 62 | (random & RandBMask);

    private static UInt128 Increment(UInt128 value)
    {
        var milliseconds = value >> 80;
        var counter = (((value >> 64) & 0xFFF) << 62 | (value & RandBMask)) + 1;
        if (counter >> RandomBits != 0)
        {
            milliseconds++; // 2^74 ids in one millisecond: borrow the next one
            counter = 0;
        }

        return Version7(milliseconds, counter);
    }

    private static Guid Write(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }
}
