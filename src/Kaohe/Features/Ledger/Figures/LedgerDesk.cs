using Kaohe.Domain.Accounts;
using Kaohe.Features.Desk;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The ledger's part of a county's desk, from its current snapshots: the year's repayment day (12-20, per the loan
/// contract) with what is still unpaid, the overdue borrowers to follow up, 回执 missing and graduations unconfirmed.
/// The city and province see the same figures as tables on their desks, not as items.
/// </summary>
public sealed class LedgerDesk(ViewUnitLedger units) : IDeskSource
{
    public async Task<IReadOnlyList<DeskItem>> ItemsAsync(UserScope scope, DateOnly today, CancellationToken ct)
    {
        if (scope is not { Role: Role.CountyOperator, UnitId: { } unit }) return [];
        // A county operator always sees its own unit.
        var view = await units.HandleAsync(unit, today, null, scope, ct);
        if (view.Totals.InRepayment == 0 && view.Totals.YearDue == 0) return [];
        var t = view.Totals;
        var repaymentDay = new DateOnly(today.Year, 12, 20);
        var items = new List<DeskItem>();
        if (t.YearDue > t.YearPaid && today <= repaymentDay)
            items.Add(new DeskItem(DeskAreas.Ledger, LedgerDeskTexts.YearUnpaid(LedgerPageTexts.Yuan(t.YearDue - t.YearPaid)), $"/Ledger/Unit/{unit}", Due: repaymentDay));
        if (t.Overdue > 0)
            items.Add(new DeskItem(DeskAreas.Ledger, LedgerDeskTexts.Overdue, $"/Collection/Queue/{unit}", t.Overdue,
                Detail: LedgerDeskTexts.OverdueAmount(LedgerPageTexts.Yuan(t.CumulativeOverdue))));
        if (t.ReceiptMissing > 0) items.Add(new DeskItem(DeskAreas.Ledger, LedgerDeskTexts.ReceiptMissing, $"/Ledger/Unit/{unit}", t.ReceiptMissing));
        if (t.GraduationUnconfirmed > 0)
            items.Add(new DeskItem(DeskAreas.Ledger, LedgerDeskTexts.GraduationUnconfirmed, $"/Ledger/Unit/{unit}", t.GraduationUnconfirmed));
        return items;
    }
}
