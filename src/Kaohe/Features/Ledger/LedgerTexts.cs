using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>The ledger's user-facing messages and column names, in one place.</summary>
internal static class LedgerTexts
{
    public const string Unit = "县级单位", ContractColumn = "合同编号", IdColumn = "身份证号", Name = "借款人姓名";
    public const string DueDate = "应还日期", DuePrincipal = "应还本金", DueInterest = "应还利息";
    public const string PaidPrincipal = "实还本金", PaidInterest = "实还利息", PaidDate = "实还日期";

    public static string SnapshotRowCount(int id, string unit, string kind, long rows, long recorded) =>
        $"台账快照 {id}（{unit} {kind}）：现有 {rows} 行，导入时为 {recorded} 行";

    public static string SnapshotRowsChanged(int id, string unit, string kind) => $"台账快照 {id}（{unit} {kind}）：行数未变，但行的内容与导入时记录的摘要不一致";

    public static string RowsWithoutSnapshot(int id, long rows) => $"台账快照 {id} 不存在，库中却有它的 {rows} 行";

    public static string RowsChecked(int snapshots, long rows, int unrecorded) =>
        $"台账快照 {snapshots} 个，共 {rows} 行，与导入时记录的行数和摘要核对" + (unrecorded > 0 ? $"（其中 {unrecorded} 个导入于摘要启用之前，未核对）" : "");

    public const string Required = "不能为空";
    public const string BadIdNumber = "身份证号应为 18 位且校验位正确";
    public const string BadDate = "日期无效（应为 2019-12-20 这样的日期）";
    public const string BadAmount = "金额应为不小于 0、最多两位小数的数字（单位：元）";
    public const string NoRows = "文件中没有数据行";
    public const string PaidWithoutDate = "有实还金额但没有实还日期";
    public const string DateWithoutPaid = "有实还日期但实还金额为 0";
    public const string NotAllowed = "您无权导入该单位的台账";
    public const string ExpertsUseThePages = "专家账户请在贷后台账页面查看所分配单位的指标，不能直接从文件统计";

    public const string NotText = "含有无法识别的字符（文件应为 UTF-8 或 GBK 编码）";
    /// <summary>The title of a file refused whole (not for its rows); the detail says why.</summary>
    public const string NotImported = "本文件未导入";
    public const string FileChanged = "文件在导入过程中被修改（两次读取的内容不同），本文件未写入任何数据；请在文件不再被修改后重新导入";
    public static string ImportInProgress(TimeSpan waited) => $"另一台账导入正在进行（已等待 {waited.TotalSeconds:0} 秒仍未结束），请稍后再试；本文件未写入任何数据";
    public static string TooLong(int max) => $"不能超过 {max} 个字";
    public static string UnknownUnit(string text) => $"未知的县级单位“{text}”（应为单位名录中的区划代码、名称或别名）";
    public static string ContractOtherBorrower(int line) => $"合同编号与第 {line} 行相同，但身份证号或县级单位不同";
    public static string DuplicateInstalment(int line) => $"同一合同同一年的还款计划与第 {line} 行重复";
    public static string NameDiffers(int line) => $"同一身份证号在第 {line} 行的借款人姓名不同";
    public static string TooManyErrors(int total, int shown) => $"共发现 {total} 处错误，以下仅列出前 {shown} 处";
    public static string WrongFields(int expected, int actual) => $"本行有 {actual} 列，表头有 {expected} 列";

    public const string OverpaidRowsColumn = "罚息及多还行数", OverpaidColumn = "罚息及多还金额";

    /// <summary>The warning of a file or report with rows paid above their due, with one line per unit.</summary>
    public static IEnumerable<string> OverpaidWarning(IReadOnlyList<UnitOverpaid> units)
    {
        if (units.Count == 0) yield break;
        yield return $"提示：{units.Sum(u => u.Rows)} 行实还本息超过应还（罚息及多还），共 {Yuan.Format(units.Sum(u => u.Fen))} 元；"
            + "已按实还原样保存，超出部分不计入回收额：";
        foreach (var u in units) yield return $"  {u.Unit}：{u.Rows} 行，{Yuan.Format(u.Fen)} 元";
    }
}
