namespace Kaohe.Features.Ledger;

/// <summary>
/// Sorts 64-bit keys, each with an item beside it, by radix: one counting pass per byte, least significant first,
/// skipping a byte that every key shares. The parts of a file sort their contract and borrower keys once when
/// they are done instead of looking each one up in a table while they read (a cache miss per new contract or
/// borrower); a sorted part is checked for repeated keys, and two parts against each other, in one ordered walk.
/// </summary>
internal static class KeySort
{
    private const int Bits = 8, Buckets = 1 << Bits, Passes = 64 / Bits;

    /// <summary>Sorts the first <paramref name="count"/> keys, and their items with them.</summary>
    public static void Sort<T>(ulong[] keys, T[] items, int count)
    {
        if (count > keys.Length || count > items.Length) throw new ArgumentOutOfRangeException(nameof(count));
        if (count < 2) return;
        var counts = new int[Passes * Buckets];
        foreach (var key in keys.AsSpan(0, count))
        {
            for (var p = 0; p < Passes; p++) counts[(p * Buckets) + Digit(key, p)]++;
        }
        var (fromKeys, fromItems) = (keys, items);
        var (toKeys, toItems) = (new ulong[count], new T[count]);
        for (var p = 0; p < Passes; p++)
        {
            var at = counts.AsSpan(p * Buckets, Buckets);
            if (at[Digit(fromKeys[0], p)] == count) continue; // every key has this byte
            var sum = 0;
            for (var d = 0; d < Buckets; d++) (at[d], sum) = (sum, sum + at[d]);
            for (var i = 0; i < count; i++)
            {
                var to = at[Digit(fromKeys[i], p)]++;
                toKeys[to] = fromKeys[i];
                toItems[to] = fromItems[i];
            }
            (fromKeys, toKeys, fromItems, toItems) = (toKeys, fromKeys, toItems, fromItems);
        }
        if (fromKeys == keys) return;
        Array.Copy(fromKeys, keys, count);
        Array.Copy(fromItems, items, count);
    }

    private static int Digit(ulong key, int pass) => (int)((key >> (pass * Bits)) & (Buckets - 1));
}
