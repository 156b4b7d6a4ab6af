namespace Kaohe.Features.Ledger;

/// <summary>
/// "One name per ID number" for a part of a file read on its own core: each borrower's name hash is kept as the part
/// meets it and the part's borrowers are sorted once when it is read (<see cref="Settle"/>), instead of a table lookup
/// per borrower as it reads. Two parts are then compared in one ordered walk.
/// </summary>
internal sealed class BorrowerNames(int expected)
{
    private ulong[] _ids = new ulong[Math.Max(expected, 1024)];
    private int[] _names = new int[Math.Max(expected, 1024)];
    private int _count;
    private bool _settled, _named = true;

    public void Add(long idNumber, int nameHash)
    {
        if (_count == _ids.Length) Compact();
        (_ids[_count], _names[_count]) = (unchecked((ulong)idNumber), nameHash);
        _count++;
    }

    /// <summary>Sorts the borrowers and keeps each once; false when one ID number came with two names.</summary>
    public bool Settle()
    {
        _settled = _named && KeepEachOnce();
        return _settled;
    }

    /// <summary>The list is full: each borrower kept once now (whatever the order of the rows), grown when more than half full after.</summary>
    private void Compact()
    {
        if (!KeepEachOnce()) (_named, _count) = (false, 0); // the part will give up
        if (_count * 2 <= _ids.Length) return;
        Array.Resize(ref _ids, _ids.Length * 2);
        Array.Resize(ref _names, _names.Length * 2);
    }

    private bool KeepEachOnce()
    {
        KeySort.Sort(_ids, _names, _count);
        var (ids, names) = (_ids, _names);
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (kept > 0 && ids[i] == ids[kept - 1])
            {
                if (names[i] != names[kept - 1]) return false;
                continue;
            }
            (ids[kept], names[kept]) = (ids[i], names[i]);
            kept++;
        }
        _count = kept;
        return true;
    }

    /// <summary>Whether a borrower of <paramref name="other"/> has another name here (both settled).</summary>
    public bool ConflictsWith(BorrowerNames other)
    {
        if (!_settled || !other._settled) throw new InvalidOperationException("parts are compared once settled");
        for (int i = 0, j = 0; i < _count && j < other._count;)
        {
            if (_ids[i] < other._ids[j]) i++;
            else if (_ids[i] > other._ids[j]) j++;
            else if (_names[i++] != other._names[j++]) return true;
        }
        return false;
    }
}
