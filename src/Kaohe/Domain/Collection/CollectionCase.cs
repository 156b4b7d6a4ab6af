using Kaohe.Domain.Audit;
using Kaohe.Domain.Units;

namespace Kaohe.Domain.Collection;

/// <summary>
/// 催收案件: one spell of arrears of one borrower in one unit, opened by the first 还款计划 import that shows the
/// borrower overdue, kept up to date by later imports, closed (已结清) by the first that shows the arrears paid. A
/// borrower overdue again later gets a new case that names this one (<see cref="PreviousCaseId"/>). Cases follow
/// the imports and nothing else: they are not audited one by one, each import's case sync is one audit event
/// (like the import itself). What people do about a case is the <see cref="ContactRecord"/> trail, which is.
/// </summary>
[NotAudited]
public sealed class CollectionCase
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;

    /// <summary>The ledger's keyed hash of the borrower's ID number (<c>LedgerBorrower.Key</c>).</summary>
    public long BorrowerKey { get; set; }

    public required string BorrowerName { get; set; }

    /// <summary>The overdue contracts' numbers, joined by "、".</summary>
    public required string ContractNumbers { get; set; }

    /// <summary>The Beijing date of the import that opened the case.</summary>
    public DateOnly OpenedOn { get; set; }

    public int OpenedBySnapshotId { get; set; }

    /// <summary>The snapshot the amounts below come from: the newest import that showed the borrower overdue.</summary>
    public int SnapshotId { get; set; }

    public long OverduePrincipalFen { get; set; }
    public long OverdueInterestFen { get; set; }

    /// <summary>The due date of the oldest instalment not fully paid: days overdue count from it.</summary>
    public DateOnly OldestUnpaidDue { get; set; }

    /// <summary>Set by <see cref="Settle"/> or <see cref="Drop"/> only: a case closes once and is never reopened (a new one is).</summary>
    public DateOnly? ClosedOn { get; private set; }
    public int? ClosedBySnapshotId { get; private set; }
    public CaseCloseReason? CloseReason { get; private set; }

    /// <summary>When the arrears were paid, as the closing import's rows date it (their latest 实还日期); only for a settled case.</summary>
    public DateOnly? PaidOn { get; private set; }

    /// <summary>The borrower's earlier case in this unit, closed before this one opened.</summary>
    public int? PreviousCaseId { get; set; }

    public long OverdueFen => OverduePrincipalFen + OverdueInterestFen;
    public bool IsOpen => ClosedOn is null;

    /// <summary>The import of <paramref name="snapshotId"/>, as of <paramref name="on"/>, shows the arrears paid (已结清).</summary>
    public void Settle(DateOnly on, int snapshotId, DateOnly? paidOn) => Close(on, snapshotId, CaseCloseReason.Settled, paidOn);

    /// <summary>The import of <paramref name="snapshotId"/> has no rows of the borrower at all (不在新台账中): nothing says when, or whether, they paid.</summary>
    public void Drop(DateOnly on, int snapshotId) => Close(on, snapshotId, CaseCloseReason.NotInLedger, null);

    private void Close(DateOnly on, int snapshotId, CaseCloseReason reason, DateOnly? paidOn)
    {
        // Not a refusal a person can meet (the case sync closes only open cases): a fault if it ever happens.
        if (!IsOpen) throw new InvalidOperationException($"Case {Id} was closed on {ClosedOn:yyyy-MM-dd}; a case closes once.");
        (ClosedOn, ClosedBySnapshotId, CloseReason, PaidOn) = (on, snapshotId, reason, paidOn);
    }

    public int DaysOverdue(DateOnly asOf) => Math.Max(0, asOf.DayNumber - OldestUnpaidDue.DayNumber);
}
