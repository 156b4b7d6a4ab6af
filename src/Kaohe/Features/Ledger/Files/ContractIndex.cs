using System.Runtime.CompilerServices;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Contract hashes (XXH3, well mixed) to positions in <see cref="ContractDays"/>' entry list, by open addressing in
/// one array of 16-byte slots. A new contract costs one random memory access; at 16 bytes a slot, a part's index of a
/// province's contracts stays in the processor's cache, where a <see cref="Dictionary{TKey, TValue}"/> of the entries
/// themselves (48 bytes each, plus its buckets) did not, and its lookups were an eighth of the time of a pass.
/// Key 0 marks an empty slot, so a hash of 0 is kept as 1 (as likely to collide as any two hashes).
/// </summary>
internal sealed class ContractIndex
{
    private struct Slot
    {
        public ulong Key;
        public int Value;
    }

    private Slot[] _slots;
    private int _mask;
    private int _count;

    public ContractIndex(int expected)
    {
        var capacity = 1024;
        while (capacity < expected * 2L && capacity < 1 << 30) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
    }

    /// <summary>The value of <paramref name="key"/>, added as 0 when missing; the reference is valid until the next add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref int GetOrAdd(ulong key, out bool exists)
    {
        if (key == 0) key = 1;
        if (_count * 2 >= _slots.Length) Grow(); // at most half full: probes stay short
        var i = unchecked((int)key) & _mask;
        while (_slots[i].Key != key)
        {
            if (_slots[i].Key == 0)
            {
                _slots[i].Key = key;
                _count++;
                exists = false;
                return ref _slots[i].Value;
            }
            i = (i + 1) & _mask;
        }
        exists = true;
        return ref _slots[i].Value;
    }

    public bool TryGet(ulong key, out int value)
    {
        if (key == 0) key = 1;
        for (var i = unchecked((int)key) & _mask; _slots[i].Key != 0; i = (i + 1) & _mask)
        {
            if (_slots[i].Key != key) continue;
            value = _slots[i].Value;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="shared"/> holds for some key of <paramref name="other"/> that is also here (with its value
    /// here, then there). The other index is walked in slot order: when both have the same size, as the equal parts of
    /// a file do, each key is looked for near the same position here, so both tables are read almost in order.
    /// </summary>
    public bool AnyShared(ContractIndex other, Func<ulong, int, int, bool> shared)
    {
        foreach (var slot in other._slots)
        {
            if (slot.Key != 0 && TryGet(slot.Key, out var value) && shared(slot.Key, value, slot.Value)) return true;
        }
        return false;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old.Where(s => s.Key != 0))
        {
            var i = unchecked((int)slot.Key) & _mask;
            while (_slots[i].Key != 0) i = (i + 1) & _mask;
            _slots[i] = slot;
        }
    }
}
