using FsCheck;

namespace Invoicing.IntegrationTests.HostileInput;

/// <summary>
/// The few FsCheck 2.16 combinators the fuzzer uses, in one place (FsCheck.Xunit does not restore here, so the
/// property is driven by a seeded loop in <see cref="HostileInputTests"/>: case <c>i</c> of seed <c>s</c> is
/// <c>Gen.Eval</c> of the generator with a <c>StdGen</c> derived from <c>(s, i)</c>, so any case replays alone).
/// </summary>
internal static class G
{
    public const int Size = 50;

    public static Gen<T> Const<T>(T value) => Gen.Constant(value);

    public static Gen<int> Int(int min, int max) => Gen.Choose(min, max);

    /// <summary>A uniformly drawn <c>long</c> in <c>[min, max]</c> (both at most 2^62 apart).</summary>
    public static Gen<long> Long(long min, long max) =>
        from high in Gen.Choose(0, int.MaxValue - 1)
        from low in Gen.Choose(0, int.MaxValue - 1)
        select min + (long)((((ulong)(uint)high << 31) | (uint)low) % (ulong)(max - min + 1));

    /// <summary>A seed for bulk content made outside FsCheck (long strings, random bytes), still fixed by the case.</summary>
    public static Gen<int> Seed => Gen.Choose(0, int.MaxValue - 1);

    public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(n => n <= percent);

    public static Gen<T> Pick<T>(params T[] values) => Gen.Elements(values);

    public static Gen<T> PickFrom<T>(IEnumerable<T> values) => Gen.Elements(values);

    public static Gen<T> OneOf<T>(params Gen<T>[] generators) => Gen.OneOf(generators);

    public static Gen<T> Freq<T>(params (int Weight, Gen<T> Gen)[] choices) =>
        Gen.Frequency(choices.Where(c => c.Weight > 0).Select(c => Tuple.Create(c.Weight, c.Gen)));

    public static Gen<List<T>> List<T>(int count, Gen<T> item) => Gen.ListOf(count, item).Select(items => items.ToList());

    public static Gen<List<T>> List<T>(Gen<int> count, Gen<T> item) => count.SelectMany(n => List(n, item));

    /// <summary>Some of <paramref name="values"/>, each kept with the given chance, in order.</summary>
    public static Gen<List<T>> Some<T>(IReadOnlyList<T> values, int percent) =>
        List(values.Count, Chance(percent)).Select(keep => values.Where((_, i) => keep[i]).ToList());

    /// <summary>Case <paramref name="index"/> of run <paramref name="seed"/>: the same pair always gives the same value.</summary>
    public static T Eval<T>(Gen<T> generator, int seed, int index) =>
        Gen.Eval(Size, FsCheck.Random.mkStdGen(Mix(seed, index)), generator);

    /// <summary>SplitMix64 of the pair, so that neighbouring cases get unrelated generator states.</summary>
    private static long Mix(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)((z ^ (z >> 31)) & 0x3FFFFFFFFFFFFFFFUL);
    }
}
