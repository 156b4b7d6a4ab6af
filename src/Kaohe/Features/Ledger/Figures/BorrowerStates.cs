namespace Kaohe.Features.Ledger;

/// <summary>
/// The calculator's one state per borrower (overdue amount, oldest unpaid due date) in a unit. A file lists a
/// borrower's rows together and the database keeps them in file order, so a state arrives once per group of rows
/// and is appended; the list is sorted and each borrower's states summed when it is full (it then holds each
/// borrower once, and grows when more than half full) and when the figures are read. Appending replaced a hash
/// table lookup per borrower, a cache miss each.
/// </summary>
internal sealed class BorrowerStates(int expected)
{
    public struct State
    {
        public int Unit;
        public int OldestUnpaid;
        public long Overdue;
    }

    private ulong[] _borrowers = new ulong[Math.Max(expected, 4096)];
    private State[] _states = new State[Math.Max(expected, 4096)];
    private int _count;

    public int Count => _count;

    public void Add(int unit, long borrower, long overdue, int oldestUnpaid)
    {
        if (_count == _borrowers.Length) Compact();
        _borrowers[_count] = unchecked((ulong)borrower);
        _states[_count++] = new State { Unit = unit, OldestUnpaid = oldestUnpaid, Overdue = overdue };
    }

    /// <summary>Takes in the states of <paramref name="other"/> (another part of the same file or ledger).</summary>
    public void Join(BorrowerStates other)
    {
        if (_count == 0)
        {
            (_borrowers, _states, _count, other._borrowers, other._states, other._count) = (other._borrowers, other._states, other._count, _borrowers, _states, 0);
            return;
        }
        for (var i = 0; i < other._count; i++) Add(other._states[i].Unit, unchecked((long)other._borrowers[i]), other._states[i].Overdue, other._states[i].OldestUnpaid);
        other._count = 0;
    }

    /// <summary>Each borrower's state in a unit, once: overdue amounts summed, the oldest unpaid due date the earliest.</summary>
    public ReadOnlySpan<State> Distinct()
    {
        Compact();
        return _states.AsSpan(0, _count);
    }

    public void Clear() => _count = 0;

    private void Compact()
    {
        KeySort.Sort(_borrowers, _states, _count);
        var (borrowers, states) = (_borrowers, _states);
        var kept = 0;
        for (var i = 0; i < _count;)
        {
            // The states of one borrower, together now: one per unit (the same ID number may be a borrower in two units).
            var first = kept;
            for (var b = borrowers[i]; i < _count && borrowers[i] == b; i++)
            {
                var at = first;
                while (at < kept && states[at].Unit != states[i].Unit) at++;
                if (at == kept) (borrowers[kept], states[kept++]) = (b, states[i]);
                else
                {
                    states[at].Overdue += states[i].Overdue;
                    states[at].OldestUnpaid = Math.Min(states[at].OldestUnpaid, states[i].OldestUnpaid);
                }
            }
        }
        _count = kept;
        if (kept * 2 <= _borrowers.Length) return;
        Array.Resize(ref _borrowers, _borrowers.Length * 2);
        Array.Resize(ref _states, _states.Length * 2);
    }
}
