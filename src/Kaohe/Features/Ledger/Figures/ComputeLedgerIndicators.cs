using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

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
/// The ledger's part of the assessment: for a unit and a work year, the figures as of 12-31 of that year
/// (or today, if earlier) from the current snapshots, computed by the engine's calculator. The assessment's
/// "computed" indicators call this and store the value with its formula text and numbers.
/// Codes: ledger.overdue-rate, ledger.overdue-rate-headcount, ledger.recovery-rate, ledger.receipt-missing,
/// ledger.declined, ledger.graduation-unconfirmed, and the collection desk's (<see cref="Collection.CollectionIndicators"/>).
/// A unit unknown or outside the scope is NotFound.
/// </summary>
public sealed class ComputeLedgerIndicators(KaoheDbContext db, ComputeLedgerFigures figures)
{
    public const string OverdueRate = "ledger.overdue-rate", OverdueRateHeadcount = "ledger.overdue-rate-headcount", RecoveryRate = "ledger.recovery-rate";
    public const string ReceiptMissing = "ledger.receipt-missing", Declined = "ledger.declined", GraduationUnconfirmed = "ledger.graduation-unconfirmed";

    public async Task<LedgerIndicators> HandleAsync(int unitId, int year, UserScope scope, CancellationToken ct = default)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var narrowed = new UserScope(scope.UserId, scope.UserName, Role.CountyOperator, unitId, null);
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), narrowed, ct: ct);
        var t = report.Rows.FirstOrDefault(r => r.UnitId == unitId)?.Totals ?? new LedgerTotals();
        var declined = await db.CurrentContracts(narrowed).CountAsync(c => c.UnitId == unitId && c.SchoolYear == year && c.Status == ContractStatus.Declined, ct);
        var contracts = await db.CurrentContracts(narrowed).CountAsync(c => c.UnitId == unitId && c.SchoolYear == year, ct);
        // Without a 合同台账 the counts are unknown, not zero.
        var hasContracts = await db.CurrentSnapshotIds(narrowed, LedgerKind.Contracts).AnyAsync(ct);
        decimal? Count(int n) => hasContracts ? n : null;
        var d = LedgerPageTexts.Date(asOf);
        return new LedgerIndicators(unitId, unit, year, asOf,
        [
            new(OverdueRate, "逾期率(金额)", t.OverdueRateAmount, "%", $"累计逾期本息 ÷ 累计应还本息（应还日期 ≤ {d}，实还日期 ≤ {d} 的实还才计入）",
                $"{Y(t.CumulativeOverdue)} ÷ {Y(t.CumulativeDue)} = {LedgerPageTexts.Rate(t.OverdueRateAmount)}"),
            new(OverdueRateHeadcount, "逾期率(人数)", t.OverdueRateHeadcount, "%", $"逾期人数 ÷ 还款期人数（截至 {d} 有应还本息的借款人）",
                $"{t.Overdue} ÷ {t.InRepayment} = {LedgerPageTexts.Rate(t.OverdueRateHeadcount)}"),
            new(RecoveryRate, "当年本息回收率", t.YearRecoveryRate, "%", $"当年实还本息 ÷ 当年应还本息（{year}-01-01 至 {d} 应还的本息；实还不超过应还）",
                $"{Y(t.YearPaid)} ÷ {Y(t.YearDue)} = {LedgerPageTexts.Rate(t.YearRecoveryRate)}"),
            new(ReceiptMissing, "回执未录入且未谢绝合同数", Count(t.ReceiptMissing), "个", "学年 10 月 10 日前未录入回执、且状态不是谢绝或作废的合同数（应谢绝而未谢绝）",
                $"{t.ReceiptMissing} 个"),
            new(Declined, "已谢绝合同数", Count(declined), "个", $"{year}学年状态为谢绝的合同数（回执未录入的学生放弃当年贷款，县级中心应予谢绝）",
                $"{declined} 个（该学年合同共 {contracts} 个）"),
            new(GraduationUnconfirmed, "未按期毕业确认人数", Count(t.GraduationUnconfirmed), "人", $"{year}年毕业、6 月 30 日前未办理毕业确认的借款人数",
                $"{t.GraduationUnconfirmed} 人"),
            .. await Collection.CollectionIndicators.ComputeAsync(db, unitId, year, asOf, ct),
        ]);
    }

    private static string Y(long fen) => LedgerPageTexts.Yuan(fen) + " 元";
}
