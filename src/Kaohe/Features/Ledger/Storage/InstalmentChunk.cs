using System.Runtime.InteropServices;

namespace Kaohe.Features.Ledger;

/// <summary>One validated row on its way to the database: the stored columns, texts interned.</summary>
internal struct PendingInstalment
{
    public int Snapshot, Unit, Ordinal, DueDay, PaidDay;
    public long BorrowerKey, DuePrincipal, DueInterest, PaidPrincipal, PaidInterest;
    public LedgerText Contract, Name;
}

/// <summary>
/// Up to <see cref="Capacity"/> rows of one unit, handed out ordered by borrower, then place in the
/// file: the index (snapshot, borrower) then grows at its right edge instead of being split all over,
/// and on PostgreSQL the rows lie on disk in the order its block range index needs. A bank export
/// lists a borrower's rows together, so rows are sorted as runs: a run is consecutive rows of one
/// borrower, and the runs are sorted by borrower and start.
/// </summary>
internal sealed class InstalmentChunk
{
    public const int Capacity = 1 << 16;

    private readonly PendingInstalment[] _rows = new PendingInstalment[Capacity];
    private readonly List<Run> _runs = [];

    public int Count { get; private set; }

    /// <summary>The unit of the rows held, -1 when empty.</summary>
    public int Unit => Count == 0 ? -1 : _rows[0].Unit;

    public bool IsFull => Count == Capacity;

    public void Add(in PendingInstalment row)
    {
        if (Count > 0 && _rows[Count - 1].BorrowerKey == row.BorrowerKey) CollectionsMarshal.AsSpan(_runs)[^1].Length++;
        else _runs.Add(new Run(row.BorrowerKey, Count, 1));
        _rows[Count++] = row;
    }

    /// <summary>Orders the runs by borrower key; rows of one borrower keep their file order (a run's start breaks ties).</summary>
    public void SortByKey() => CollectionsMarshal.AsSpan(_runs).Sort();

    /// <summary>The runs, in borrower order once <see cref="SortByKey"/> has run.</summary>
    public ReadOnlySpan<Run> Runs => CollectionsMarshal.AsSpan(_runs);

    public ref readonly PendingInstalment this[int index] => ref _rows[index];

    public void Clear()
    {
        Array.Clear(_rows, 0, Count); // let go of the texts
        _runs.Clear();
        Count = 0;
    }

    public record struct Run(long Key, int Start, int Length) : IComparable<Run>
    {
        public readonly int End => Start + Length;

        public readonly int CompareTo(Run other) => Key != other.Key ? Key.CompareTo(other.Key) : Start.CompareTo(other.Start);
    }
}
