using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The due dates seen per contract in one file, for "one instalment per contract and due date".
/// Schedules fall due on the same day each year (12-20): one bit per year from 2000 covers a
/// contract's rows; a row on another day of the year, or outside those years, is kept exactly.
/// The contract being read is the open <see cref="ContractRun"/>; its days are stored on leaving it.
/// A sequential pass finds a contract it has seen before in an index as it reads. A part of a file read on
/// its own core instead keeps every run as it comes and sorts them once at the end (<see cref="Settle"/>):
/// looking up each new contract cost a cache miss, an eighth of the part's time.
/// </summary>
internal sealed class ContractDays
{
    private const int FirstYear = 2000, Years = 64;
    private readonly bool _part;
    private ContractIndex? _index;
    private List<Entry> _entries;
    private ulong[] _keys = [];
    private int _settled = -1;
    private bool _joinable = true;
    private readonly Dictionary<(ulong Contract, int Day), int> _other = [];

    /// <summary>What the first row of a contract said, and its days on the contract's usual day of the year.</summary>
    public readonly record struct Entry(long IdNumber, int Unit, int Line, int MonthDay, ulong Years);

    /// <param name="settledAtEnd">Keep runs unchecked against each other until <see cref="Settle"/> (a part of a file).</param>
    public ContractDays(int expectedContracts, bool settledAtEnd = false)
    {
        _part = settledAtEnd;
        if (settledAtEnd) _keys = new ulong[Math.Max(expectedContracts, 1024)];
        else _index = new ContractIndex(expectedContracts);
        _entries = new List<Entry>(expectedContracts);
    }

    public static int MonthDayOf(int dayNumber) => MonthDay(DateOnly.FromDayNumber(dayNumber));

    private static int MonthDay(DateOnly d) => d.Month * 32 + d.Day;

    /// <summary>
    /// The contract's entry and its position, created from <paramref name="row"/> when the contract is new (or, until
    /// <see cref="Settle"/>, for every run of a part).
    /// </summary>
    public (Entry Entry, int Slot) Open(ulong key, in InstalmentRow row)
    {
        var slot = _entries.Count;
        if (_index is not null)
        {
            ref var found = ref _index.GetOrAdd(key, out var exists);
            if (exists) return (_entries[found], found);
            found = slot;
        }
        if (_part)
        {
            if (slot == _keys.Length && _index is null) slot = Compact(); // this run, if its contract was seen, is joined at the end
            else if (slot == _keys.Length) Array.Resize(ref _keys, slot * 2); // with the index, each contract is listed once
            _keys[slot] = key;
        }
        _entries.Add(new Entry(row.IdNumber, row.UnitId, row.Line, MonthDayOf(row.DueDay), 0));
        return (_entries[slot], slot);
    }

    /// <summary>
    /// Sorts a part's runs by contract and joins the runs of each contract into one entry; false when two runs of a
    /// contract name two borrowers or units, repeat a due date, or fall due on different days of the year (a part then
    /// gives up and the file is read in one pass, which reports or accepts it with exact lines).
    /// </summary>
    public bool Settle()
    {
        if (!_part || _settled >= 0) throw new InvalidOperationException("only a part's days are settled, once");
        if (!_joinable || !JoinRuns()) return false;
        _settled = _entries.Count;
        return true;
    }

    /// <summary>
    /// A part's list of runs is full: its runs are joined now, and it grows when more than half full after; where the new
    /// entry goes. When most runs were of contracts seen before, the rows are not listed by contract (a file sorted by
    /// due date): the part then finds contracts in an index from here on, as a sequential pass does, so it keeps one
    /// entry per contract. A part whose runs cannot be joined keeps none: it will give up.
    /// </summary>
    private int Compact()
    {
        var runs = _entries.Count;
        if (!JoinRuns()) (_joinable, _entries) = (false, new List<Entry>(_keys.Length));
        if (_entries.Count * 2 > _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        if (_index is null && _entries.Count * 2 < runs)
        {
            _index = new ContractIndex(_keys.Length);
            for (var i = 0; i < _entries.Count; i++) _index.GetOrAdd(_keys[i], out _) = i;
        }
        return _entries.Count;
    }

    private bool JoinRuns()
    {
        var n = _entries.Count;
        var keys = _keys;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        KeySort.Sort(keys, order, n);
        var entries = CollectionsMarshal.AsSpan(_entries);
        var joined = new List<Entry>(n);
        for (var i = 0; i < n; i++)
        {
            var e = entries[order[i]];
            for (; i + 1 < n && keys[i + 1] == keys[i]; i++)
            {
                var next = entries[order[i + 1]];
                if (next.IdNumber != e.IdNumber || next.Unit != e.Unit || next.MonthDay != e.MonthDay || (next.Years & e.Years) != 0) return false;
                e = e with { Years = e.Years | next.Years, Line = Math.Min(e.Line, next.Line) };
            }
            keys[joined.Count] = keys[i];
            joined.Add(e);
        }
        _entries = joined;
        return true;
    }

    /// <summary>Keeps the days of the run being left.</summary>
    public void Store(ContractRun run)
    {
        if (run.IsOpen) _entries[run.Slot] = run.Entry;
    }

    /// <summary>Adds a day outside the run's yearly bits; the line of an earlier row on that day, or -1.</summary>
    public int AddOther(ulong key, int day, int line) => _other.TryAdd((key, day), line) ? -1 : _other[(key, day)];

    /// <summary>The bit of <paramref name="day"/> in a mask of years on <paramref name="monthDay"/>, or 0 when it must be kept exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong YearBit(int day, int monthDay)
    {
        var at = day - MaskStart;
        if (unchecked((uint)at) >= (uint)YearAndMonthDays.Length) return 0;
        var yearAndMonthDay = YearAndMonthDays[at];
        return (yearAndMonthDay & 511) == monthDay ? 1UL << (yearAndMonthDay >> 9) : 0;
    }

    private static readonly int MaskStart = new DateOnly(FirstYear, 1, 1).DayNumber;

    /// <summary>
    /// Every day of the mask's years from 1 January 2000, as (year − 2000) × 512 + month × 32 + day: one load answers
    /// <see cref="YearBit"/>, asked for millions of rows (94 KB, of which a file's due dates touch a few lines).
    /// </summary>
    private static readonly int[] YearAndMonthDays = EveryMaskDay();

    // A loop rather than LINQ: built at a command's start, where LINQ over value types waits for the JIT.
    private static int[] EveryMaskDay()
    {
        var days = new int[new DateOnly(FirstYear + Years, 1, 1).DayNumber - MaskStart];
        for (var i = 0; i < days.Length; i++)
        {
            var d = DateOnly.FromDayNumber(MaskStart + i);
            days[i] = ((d.Year - FirstYear) * 512) + MonthDay(d);
        }
        return days;
    }

    /// <summary>Whether a contract of <paramref name="other"/> (a settled part, as this) has another borrower or unit here, or a due date seen here too.</summary>
    public bool Overlaps(ContractDays other)
    {
        if (_settled < 0 || other._settled < 0) throw new InvalidOperationException("parts are compared once settled");
        for (int i = 0, j = 0; i < _settled && j < other._settled;)
        {
            var (mine, theirs) = (_keys[i], other._keys[j]);
            if (mine < theirs) i++;
            else if (mine > theirs) j++;
            else if (Conflict(mine, _entries[i++], other._entries[j++])) return true;
        }
        foreach (var ((key, day), _) in other._other)
        {
            if (Has(key, day)) return true;
        }
        return false;
    }

    /// <summary>Whether the entries of one contract, here and in another part, give two borrowers or units or one due date twice.</summary>
    private bool Conflict(ulong key, Entry mine, Entry theirs)
    {
        if (mine.IdNumber != theirs.IdNumber || mine.Unit != theirs.Unit) return true;
        if (mine.MonthDay == theirs.MonthDay && (mine.Years & theirs.Years) != 0) return true;
        foreach (var day in MaskDays(theirs))
        {
            if (_other.ContainsKey((key, day))) return true;
        }
        return false;
    }

    private bool Has(ulong key, int day)
    {
        if (_other.ContainsKey((key, day))) return true;
        var slot = _keys.AsSpan(0, _settled).BinarySearch(key);
        return slot >= 0 && (_entries[slot].Years & YearBit(day, _entries[slot].MonthDay)) != 0;
    }

    private static IEnumerable<int> MaskDays(Entry e)
    {
        for (var y = 0; y < Years; y++)
        {
            if ((e.Years & (1UL << y)) != 0) yield return new DateOnly(FirstYear + y, e.MonthDay / 32, e.MonthDay % 32).DayNumber;
        }
    }
}

/// <summary>The contract whose rows are being read: its number, ID number and name bytes, and its days so far.</summary>
internal sealed class ContractRun
{
    private byte[] _contract = new byte[64], _id = new byte[32], _name = new byte[64], _prefix = new byte[256];
    private int _contractLength, _idLength, _nameLength, _prefixLength;

    private ContractDays.Entry _first;
    private ulong _years; // the days read so far, apart from the entry so a row sets one field

    public bool IsOpen { get; private set; }
    public ulong Key { get; private set; }
    public int Slot { get; private set; }

    /// <summary>The contract's entry with the days read so far.</summary>
    public ContractDays.Entry Entry => _first with { Years = _years };

    public long IdNumber => _first.IdNumber;
    public int Unit => _first.Unit;
    public ReadOnlySpan<byte> Contract => _contract.AsSpan(0, _contractLength);
    public ReadOnlySpan<byte> Id => _id.AsSpan(0, _idLength);
    public ReadOnlySpan<byte> Name => _name.AsSpan(0, _nameLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name, int unit) =>
        IsOpen && unit == _first.Unit && contract.SequenceEqual(Contract)
        && id.SequenceEqual(Id) && name.SequenceEqual(Name);

    public void Begin(ulong key, (ContractDays.Entry Entry, int Slot) opened, ReadOnlySpan<byte> contract, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name)
    {
        (Key, _first, Slot, IsOpen, _prefixLength) = (key, opened.Entry, opened.Slot, true, 0);
        _years = opened.Entry.Years;
        _contractLength = Copy(contract, ref _contract);
        _idLength = Copy(id, ref _id);
        _nameLength = Copy(name, ref _name);
    }

    /// <summary>The raw bytes that start every row of this run (see <see cref="InstalmentValidator.TryContinueRun"/>).</summary>
    public void RememberPrefix(ReadOnlySpan<byte> raw) => _prefixLength = raw.IsEmpty || !IsOpen ? 0 : Copy(raw, ref _prefix);

    /// <summary>Leaves the run (its days stored by <see cref="ContractDays.Store"/>): no row continues it until the next is begun.</summary>
    public void Close() => (IsOpen, _prefixLength) = (false, 0);

    /// <summary>Whether <paramref name="bytes"/> start with the run's raw bytes; what follows them when they do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Continues(ReadOnlySpan<byte> bytes, out ReadOnlySpan<byte> tail)
    {
        var n = _prefixLength;
        tail = n > 0 && bytes.Length > n && bytes[..n].SequenceEqual(_prefix.AsSpan(0, n)) ? bytes[n..] : default;
        return !tail.IsEmpty;
    }

    /// <summary>Records the row's due date: the line of an earlier row of the contract on that day, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AddDay(ContractDays days, int day, int line)
    {
        var bit = ContractDays.YearBit(day, _first.MonthDay);
        if (bit == 0) return days.AddOther(Key, day, line);
        if ((_years & bit) != 0) return _first.Line;
        _years |= bit;
        return -1;
    }

    private static int Copy(ReadOnlySpan<byte> from, ref byte[] to)
    {
        if (from.Length > to.Length) to = new byte[from.Length * 2];
        from.CopyTo(to);
        return from.Length;
    }
}
