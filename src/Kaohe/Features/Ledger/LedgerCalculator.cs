using System.Runtime.InteropServices;
using System.Text;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The one streaming calculator of the ledger figures, fed row by row from a file or from the
/// database. It keeps totals per unit and one small state per borrower (overdue amount and oldest
/// unpaid due date), never the rows. Borrower keys only need to be distinct per person: the file
/// path passes the numeric ID number, the database path the stored borrower key.
/// </summary>
public sealed class LedgerCalculator(DateOnly asOf, int year) : IInstalmentSink
{
    private readonly int _asOf = asOf.DayNumber;
    private readonly int _yearStart = new DateOnly(year, 1, 1).DayNumber;
    private readonly int _year = year;
    private readonly Dictionary<int, LedgerTotals> _units = [];
    private readonly Dictionary<(int Unit, long Borrower), Borrower> _borrowers = [];
    private readonly HashSet<(int Unit, long Borrower)> _unconfirmed = [];
    private LedgerTotals? _last;
    private int _lastUnit = -1;

    private struct Borrower
    {
        public long Overdue;
        public int OldestUnpaid;
    }

    public DateOnly AsOf => DateOnly.FromDayNumber(_asOf);
    public int Year => _year;

    void IInstalmentSink.Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding) =>
        Add(row.UnitId, row.IdNumber, row.DueDay, row.Due, row.Paid, row.PaidDay);

    /// <summary>One instalment: due and paid in fen, days as <see cref="DateOnly.DayNumber"/>, paidDay -1 when unpaid.</summary>
    public void Add(int unit, long borrower, int dueDay, long due, long paid, int paidDay)
    {
        var totals = Totals(unit);
        if (dueDay > _asOf) return;
        var paidByD = paidDay >= 0 && paidDay <= _asOf ? Math.Min(paid, due) : 0;
        var overdue = due - paidByD;
        totals.CumulativeDue += due;
        totals.CumulativeOverdue += overdue;
        if (dueDay >= _yearStart)
        {
            totals.YearDue += due;
            totals.YearPaid += paidByD;
        }
        ref var b = ref CollectionsMarshal.GetValueRefOrAddDefault(_borrowers, (unit, borrower), out var exists);
        if (!exists) b.OldestUnpaid = int.MaxValue;
        if (overdue <= 0) return;
        b.Overdue += overdue;
        if (dueDay < b.OldestUnpaid) b.OldestUnpaid = dueDay;
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

    private LedgerTotals Totals(int unit)
    {
        if (unit == _lastUnit) return _last!;
        if (!_units.TryGetValue(unit, out var t)) _units[unit] = t = new LedgerTotals();
        _lastUnit = unit;
        return _last = t;
    }

    /// <summary>Closes the borrower states into per-unit head counts and aging buckets.</summary>
    public IReadOnlyDictionary<int, LedgerTotals> Finish()
    {
        foreach (var ((unit, _), b) in _borrowers)
            _units[unit].AddBorrower(b.Overdue, b.Overdue > 0 ? _asOf - b.OldestUnpaid : 0);
        _borrowers.Clear();
        return _units;
    }
}
