using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using T = Kaohe.Features.Ledger.LedgerPageTexts;

namespace Kaohe.Features.Ledger;

/// <summary>
/// One computed indicator for the assessment: the value, the formula in words and the numbers behind it,
/// so a reviewer can check it. <see cref="Code"/> is stable for a scheme to reference.
/// </summary>
public sealed record LedgerIndicator(string Code, string Name, decimal? Value, string Unit, string Formula, string Numbers);

public sealed record LedgerIndicators(int UnitId, string UnitName, int Year, DateOnly AsOf, IReadOnlyList<LedgerIndicator> Values)
{
    public LedgerIndicator? this[string code] => Values.FirstOrDefault(v => v.Code == code);
}

/// <summary>
/// A higher area's indicators, computed next to the ledger's for the assessment (the collection's: <c>CollectionIndicators</c>)
/// for a unit, a work year and its as-of date. Registered in <c>KaoheServices</c>.
/// </summary>
public interface ILedgerIndicatorSource
{
    Task<IReadOnlyList<LedgerIndicator>> ComputeAsync(int unitId, int year, DateOnly asOf, CancellationToken ct);
}

/// <summary>
/// The ledger's part of the assessment: for a unit and a work year, the figures as of 12-31 of that year
/// (or today, if earlier) from the current snapshots, computed by the engine's calculator. The assessment's
/// "computed" indicators call this and store the value with its formula text and numbers.
/// Codes: ledger.overdue-rate, ledger.overdue-rate-headcount, ledger.recovery-rate, ledger.receipt-missing,
/// ledger.declined, ledger.graduation-unconfirmed, then each <see cref="ILedgerIndicatorSource"/>'s, in order.
/// A unit unknown or outside the scope is NotFound.
/// </summary>
public sealed class ComputeLedgerIndicators(KaoheDbContext db, ComputeLedgerFigures figures, IEnumerable<ILedgerIndicatorSource> sources)
{
    public const string OverdueRate = "ledger.overdue-rate", OverdueRateHeadcount = "ledger.overdue-rate-headcount", RecoveryRate = "ledger.recovery-rate";
    public const string ReceiptMissing = "ledger.receipt-missing", Declined = "ledger.declined", GraduationUnconfirmed = "ledger.graduation-unconfirmed";

    public async Task<LedgerIndicators> HandleAsync(int unitId, int year, UserScope scope, CancellationToken ct = default)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var narrowed = scope.NarrowedTo(unitId);
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), narrowed, ct: ct);
        var t = report.Rows.FirstOrDefault(r => r.UnitId == unitId)?.Totals ?? new LedgerTotals();
        var declined = await db.CurrentContracts(narrowed).CountAsync(c => c.UnitId == unitId && c.SchoolYear == year && c.Status == ContractStatus.Declined, ct);
        var contracts = await db.CurrentContracts(narrowed).CountAsync(c => c.UnitId == unitId && c.SchoolYear == year, ct);
        // Without a 合同台账 the counts are unknown, not zero.
        var hasContracts = await db.CurrentSnapshotIds(narrowed, LedgerKind.Contracts).AnyAsync(ct);
        decimal? Count(int n) => hasContracts ? n : null;
        var d = LedgerPageTexts.Date(asOf);
        var more = new List<LedgerIndicator>();
        foreach (var source in sources) more.AddRange(await source.ComputeAsync(unitId, year, asOf, ct));
        return new LedgerIndicators(unitId, unit, year, asOf,
        [
            new(OverdueRate, T.OverdueRateAmount, t.OverdueRateAmount, "%", T.OverdueRateFormula(d),
                T.Ratio(T.YuanAmount(t.CumulativeOverdue), T.YuanAmount(t.CumulativeDue), T.Rate(t.OverdueRateAmount))),
            new(OverdueRateHeadcount, T.OverdueRateHeadcount, t.OverdueRateHeadcount, "%", T.HeadcountFormula(d),
                T.Ratio($"{t.Overdue}", $"{t.InRepayment}", T.Rate(t.OverdueRateHeadcount))),
            new(RecoveryRate, T.RecoveryRate, t.YearRecoveryRate, "%", T.RecoveryFormula(year, d),
                T.Ratio(T.YuanAmount(t.YearPaid), T.YuanAmount(t.YearDue), T.Rate(t.YearRecoveryRate))),
            new(ReceiptMissing, T.ReceiptMissingName, Count(t.ReceiptMissing), T.Contracts, T.ReceiptMissingFormula, T.Count(t.ReceiptMissing, T.Contracts)),
            new(Declined, T.DeclinedName, Count(declined), T.Contracts, T.DeclinedFormula(year), T.DeclinedNumbers(declined, contracts)),
            new(GraduationUnconfirmed, T.GraduationUnconfirmedName, Count(t.GraduationUnconfirmed), T.People, T.GraduationFormula(year),
                T.Count(t.GraduationUnconfirmed, T.People)),
            .. more,
        ]);
    }
}
