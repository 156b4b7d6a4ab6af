using Kaohe.Common.Tabular;
using static Kaohe.Features.Ledger.LedgerTexts;

namespace Kaohe.Features.Ledger;

/// <summary>The 还款计划 columns with the headers accepted for them (docs/ledger-figures.md lists them).</summary>
public static class InstalmentColumns
{
    public static readonly ColumnSpec[] All =
    [
        new(LedgerTexts.Unit, true, "单位", "县区", "县级资助中心", "资助中心", "区划代码", "单位代码", "县(区)"),
        new(ContractColumn, true, "合同号", "贷款合同编号", "合同编码"),
        new(IdColumn, true, "借款人身份证号", "学生身份证号", "身份证号码", "证件号码", "身份证"),
        new(Name, true, "姓名", "学生姓名", "借款学生姓名"),
        new(DueDate, true, "还款日期", "应还款日期", "计划还款日期", "到期日"),
        new(DuePrincipal, true, "应还本金(元)", "计划还款本金", "应还本金额"),
        new(DueInterest, true, "应还利息(元)", "计划还款利息", "应还利息额"),
        new(PaidPrincipal, true, "实还本金(元)", "已还本金", "实际还款本金"),
        new(PaidInterest, true, "实还利息(元)", "已还利息", "实际还款利息"),
        new(PaidDate, true, "实际还款日期", "还款完成日期", "实还款日期"),
    ];

    /// <summary>Header positions of the ten columns in <see cref="All"/>'s order, or the errors for missing ones.</summary>
    public static int[] Resolve(IReadOnlyList<string> headers, List<ImportError> errors)
    {
        var at = new int[All.Length];
        for (var c = 0; c < All.Length; c++)
        {
            at[c] = -1;
            for (var h = 0; h < headers.Count; h++)
            {
                if (All[c].Matches(headers[h])) { at[c] = h; break; }
            }
            if (at[c] < 0) errors.Add(new ImportError(1, All[c].Name, $"缺少必需的列“{All[c].Name}”（表头第一行应包含此列）"));
        }
        return at;
    }
}
