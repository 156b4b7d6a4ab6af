using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;

namespace Kaohe.Features.Assessment;

/// <summary>
/// A ledger indicator a scheme may name in 数据来源: its code (from <see cref="ComputeLedgerIndicators"/>), its name, the
/// unit of its value, which ledger file it needs, and for a rate the province's figure (a rule "不高于全省" compares with it;
/// a rate without one, <paramref name="Rate"/>, takes only rules with their own line).
/// </summary>
public sealed record LedgerSource(string Code, string Name, string Unit, LedgerKind Needs, Func<LedgerTotals, (decimal? Rate, string Numbers)>? Province, bool Rate = false)
{
    public bool IsRate => Rate || Province is not null;
}

public static class LedgerSources
{
    public static IReadOnlyList<LedgerSource> All { get; } =
    [
        new(ComputeLedgerIndicators.OverdueRate, "逾期率(金额)", "%", LedgerKind.Instalments,
            t => (t.OverdueRateAmount, $"{Yuan(t.CumulativeOverdue)} ÷ {Yuan(t.CumulativeDue)} = {LedgerPageTexts.Rate(t.OverdueRateAmount)}")),
        new(ComputeLedgerIndicators.OverdueRateHeadcount, "逾期率(人数)", "%", LedgerKind.Instalments,
            t => (t.OverdueRateHeadcount, $"{t.Overdue} ÷ {t.InRepayment} = {LedgerPageTexts.Rate(t.OverdueRateHeadcount)}")),
        new(ComputeLedgerIndicators.RecoveryRate, "当年本息回收率", "%", LedgerKind.Instalments,
            t => (t.YearRecoveryRate, $"{Yuan(t.YearPaid)} ÷ {Yuan(t.YearDue)} = {LedgerPageTexts.Rate(t.YearRecoveryRate)}")),
        new(ComputeLedgerIndicators.ReceiptMissing, "回执未录入且未谢绝合同数", "个", LedgerKind.Contracts, null),
        new(ComputeLedgerIndicators.Declined, "已谢绝合同数", "个", LedgerKind.Contracts, null),
        new(ComputeLedgerIndicators.GraduationUnconfirmed, "未按期毕业确认人数", "人", LedgerKind.Contracts, null),
        // 贷后管理记录和留痕: the collection desk's cases follow the 还款计划.
        new(Collection.CollectionIndicators.ContactedWithin30Days, "逾期30天内联系率", "%", LedgerKind.Instalments, null, Rate: true),
        new(Collection.CollectionIndicators.PromiseKept, "承诺还款兑现率", "%", LedgerKind.Instalments, null, Rate: true),
        new(Collection.CollectionIndicators.NeverContacted, "从未联系的逾期案件数", "件", LedgerKind.Instalments, null),
    ];

    /// <summary>By code, or by the Chinese name (full-width brackets and spaces ignored).</summary>
    public static LedgerSource? Find(string? text)
    {
        var t = Normalize(text ?? "");
        return All.FirstOrDefault(s => s.Code == t || Normalize(s.Name) == t);
    }

    /// <summary>The list shown in an error message: "ledger.overdue-rate（逾期率(金额)）、…".</summary>
    public static string Known => string.Join("、", All.Select(s => $"{s.Code}（{s.Name}）"));

    private static string Normalize(string s) => s.Trim().Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal);

    private static string Yuan(long fen) => LedgerPageTexts.Yuan(fen) + " 元";
}
