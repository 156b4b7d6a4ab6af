using System.Runtime.CompilerServices;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The one streaming calculator of the ledger figures, fed row by row from a file or from the
/// database. It keeps totals per unit and one small state per borrower (overdue amount and oldest
/// unpaid due date), never the rows. Borrower keys only need to be distinct per person: the file
/// path passes the numeric ID number, the database path the stored borrower key. A borrower's rows
/// usually come together, so the borrower being read is summed apart and stored on leaving him
/// (appended to <see cref="BorrowerStates"/>, which sorts and sums them once).
/// Parts of a file can be computed apart (<see cref="NewPart"/>) and joined: the figures are sums,
/// and a borrower's state is a sum and a minimum.
/// </summary>
/// <param name="expectedBorrowers">How many borrowers to make room for at first.</param>
public sealed class LedgerCalculator(DateOnly asOf, int year, int expectedBorrowers = 0) : IPartitionedSink
{
    private readonly int _asOf = asOf.DayNumber;
    private readonly int _yearStart = new DateOnly(year, 1, 1).DayNumber;
    private readonly int _year = year;
    private readonly Dictionary<int, LedgerTotals> _units = [];
    private readonly BorrowerStates _borrowers = new(expectedBorrowers);
    private readonly HashSet<(int Unit, long Borrower)> _unconfirmed = [];
    private LedgerTotals? _last;
    private int _lastUnit = -1;
    private (int Unit, long Borrower) _current = (-1, -1);
    private Borrower _state;

    private struct Borrower
    {
        public long Overdue;
        public int OldestUnpaid;

        public void Add(long overdue, int oldestUnpaid)
        {
            Overdue += overdue;
            if (oldestUnpaid < OldestUnpaid) OldestUnpaid = oldestUnpaid;
        }
    }

    public DateOnly AsOf => DateOnly.FromDayNumber(_asOf);
    public int Year => _year;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IInstalmentSink.Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding) => Add(row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(in InstalmentRow row) => Add(row.UnitId, row.IdNumber, row.DueDay, row.Due, row.Paid, row.PaidDay);

    /// <summary>One instalment: due and paid in fen, days as <see cref="DateOnly.DayNumber"/>, paidDay -1 when unpaid.</summary>
    public void Add(int unit, long borrower, int dueDay, long due, long paid, int paidDay)
    {
        var totals = Totals(unit);
        if (dueDay > _asOf) return;
        var paidInTime = paidDay >= 0 && paidDay <= _asOf;
        var paidByD = paidInTime ? Math.Min(paid, due) : 0;
        if (paid > due && paidInTime) totals.Overpaid = totals.Overpaid.Plus(Overpaid.Of(due, paid));
        var overdue = due - paidByD;
        totals.CumulativeDue += due;
        totals.CumulativeOverdue += overdue;
        if (dueDay >= _yearStart)
        {
            totals.YearDue += due;
            totals.YearPaid += paidByD;
        }
        if (_current != (unit, borrower)) Switch((unit, borrower));
        if (overdue > 0) _state.Add(overdue, dueDay);
    }

    private void Switch((int Unit, long Borrower) next)
    {
        StoreCurrent();
        _current = next;
        _state = new Borrower { OldestUnpaid = int.MaxValue };
    }

    private void StoreCurrent()
    {
        if (_current.Unit < 0) return;
        _borrowers.Add(_current.Unit, _current.Borrower, _state.Overdue, _state.OldestUnpaid);
        _current = (-1, -1);
    }

    /// <summary>One contract of the 合同台账 (dates as day numbers, -1 when empty).</summary>
    public void AddContract(int unit, long borrower, int schoolYear, ContractStatus status, int receiptDay, int graduationYear, int confirmedDay)
    {
        var totals = Totals(unit);
        if (status is ContractStatus.Declined or ContractStatus.Void) return;
        var receiptDeadline = new DateOnly(schoolYear, 10, 10).DayNumber;
        if (schoolYear <= _year && receiptDeadline <= _asOf && (receiptDay < 0 || receiptDay > receiptDeadline)) totals.ReceiptMissing++;
        if (graduationYear != _year) return;
        var cutoff = Math.Min(_asOf, new DateOnly(_year, 6, 30).DayNumber);
        if ((confirmedDay < 0 || confirmedDay > cutoff) && _unconfirmed.Add((unit, borrower))) totals.GraduationUnconfirmed++;
    }

    /// <summary>Makes a unit appear in the figures even when none of its rows fall due by the as-of date.</summary>
    public void IncludeUnit(int unit) => Totals(unit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private LedgerTotals Totals(int unit) => unit == _lastUnit ? _last! : OtherUnit(unit);

    private LedgerTotals OtherUnit(int unit)
    {
        if (!_units.TryGetValue(unit, out var t)) _units[unit] = t = new LedgerTotals();
        _lastUnit = unit;
        return _last = t;
    }

    public IPartitionedSink NewPart(long bytes) => new LedgerCalculator(AsOf, _year, LedgerSizing.Borrowers(bytes));

    /// <summary>Adds a part's instalment figures and borrower states to these (the part is used up).</summary>
    public void Join(IPartitionedSink part)
    {
        var other = (LedgerCalculator)part;
        other.StoreCurrent();
        foreach (var (unit, totals) in other._units) Totals(unit).Add(totals);
        StoreCurrent();
        _borrowers.Join(other._borrowers);
    }

    /// <summary>Closes the borrower states into per-unit head counts and aging buckets.</summary>
    public IReadOnlyDictionary<int, LedgerTotals> Finish()
    {
        StoreCurrent();
        foreach (var b in _borrowers.Distinct()) _units[b.Unit].AddBorrower(b.Overdue, b.Overdue > 0 ? _asOf - b.OldestUnpaid : 0);
        _borrowers.Clear();
        return _units;
    }
}
