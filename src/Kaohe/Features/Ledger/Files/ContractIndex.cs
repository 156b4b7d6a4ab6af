using System.Runtime.CompilerServices;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Contract hashes (XXH3, well mixed) to positions in <see cref="ContractDays"/>' entry list, for a sequential pass,
/// by open addressing in one array of 16-byte slots: a new contract costs one random memory access, where a
/// <see cref="Dictionary{TKey, TValue}"/> of the entries themselves (48 bytes each, plus its buckets) cost several.
/// (The parts of a file read on all cores sort their contracts at the end instead.) Key 0 marks an empty slot, so a
/// hash of 0 is kept as 1 (as likely to collide as any two hashes).
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
