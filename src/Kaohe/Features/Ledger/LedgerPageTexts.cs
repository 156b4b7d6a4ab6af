using System.Globalization;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>Wording of the ledger's pages, exports and product features (the engine keeps its own in LedgerTexts).</summary>
public static class LedgerPageTexts
{
    public const string NotFound = "单位或借款人不存在，或不在您的权限范围内";
    public const string UnmaskForbidden = "您的角色无权查看明文（只有省资助中心管理员和本单位经办人可以）";
    public const string UploadForbidden = "只有省资助中心管理员和县资助中心经办人可以上传台账";
    public const string ChooseFile = "请选择要上传的台账文件";
    public const string UnmaskInList = "明文请逐个借款人查看，或导出文件";
    public const string BulletinFormat = "format 应为 docx、pdf 或 html";

    public const string Province = "全省";
    public const string RecoveryRate = "当年本息回收率", OverdueRateAmount = "逾期率(金额)", OverdueRateHeadcount = "逾期率(人数)";
    public const string OverdueBorrowers = "逾期人数", OverdueYuan = "逾期本息（元）", People = "人", YuanUnit = "元";

    /// <summary>The ranking chart of a level: the province ranks its cities (市), a city its units.</summary>
    public static string RankingTitle(string level, bool ofCities) => $"{level}各{(ofCities ? "市" : "单位")}当年本息回收率与逾期率";

    public static string AgingTitle(string level) => $"{level}逾期账龄分布";

    public const string Total = "合计";
    public const string MapRecovery = "各单位当年本息回收率", MapOverdue = "各单位逾期率（金额）";
    public static string ForecastTitle(int year) => $"{year}年各单位应还本息预测（元）";
    public const string DuePrincipal = "应还本金", DueInterest = "应还利息";
    public static string PlanTitle(int year) => $"{year}年本息回收计划与实际（累计，元）";
    public static string Month(int month) => $"{month}月";
    public const string YearPlan = "年度应还本息（计划）", PlannedSoFar = "累计应还本息", PaidSoFar = "累计实还本息";

    /// <summary>The names of downloaded files, before the date and extension.</summary>
    public const string FiguresFile = "贷后指标";
    public static string BorrowersFile(string unit) => $"{unit}借款人";

    /// <summary>What a clear view of personal data writes to the audit trail: the subject, fields and purpose.</summary>
    public const string AuditBorrower = "借款人", AuditBorrowerExport = "借款人导出";
    public const string IdNumberField = "身份证号", PhoneField = "联系电话", CoBorrowerIdField = "共同借款人身份证号";
    public static string AuditWholeUnit(string unit) => $"{unit} 全部借款人";
    public static string AuditOneBorrower(string unit, string name, IEnumerable<string> contracts) => $"{unit} 借款人 {name}（合同 {string.Join("、", contracts)}）";
    public static string AuditExportPurpose(object format) => "导出 " + format;

    /// <summary>The indicators the assessment reads (<see cref="ComputeLedgerIndicators"/>): names, formulas in words, the numbers behind them.</summary>
    public const string ReceiptMissingName = "回执未录入且未谢绝合同数", DeclinedName = "已谢绝合同数", GraduationUnconfirmedName = "未按期毕业确认人数";
    public const string Contracts = "个";
    public static string OverdueRateFormula(string d) => $"累计逾期本息 ÷ 累计应还本息（应还日期 ≤ {d}，实还日期 ≤ {d} 的实还才计入）";
    public static string HeadcountFormula(string d) => $"逾期人数 ÷ 还款期人数（截至 {d} 有应还本息的借款人）";
    public static string RecoveryFormula(int year, string d) => $"当年实还本息 ÷ 当年应还本息（{year}-01-01 至 {d} 应还的本息；实还不超过应还）";
    public const string ReceiptMissingFormula = "学年 10 月 10 日前未录入回执、且状态不是谢绝或作废的合同数（应谢绝而未谢绝）";
    public static string DeclinedFormula(int year) => $"{year}学年状态为谢绝的合同数（回执未录入的学生放弃当年贷款，县级中心应予谢绝）";
    public static string GraduationFormula(int year) => $"{year}年毕业、6 月 30 日前未办理毕业确认的借款人数";
    public static string Ratio(string numerator, string denominator, string rate) => $"{numerator} ÷ {denominator} = {rate}";
    public static string Count(int n, string unit) => $"{n} {unit}";
    public static string DeclinedNumbers(int declined, int contracts) => $"{declined} 个（该学年合同共 {contracts} 个）";
    public static string YuanAmount(long fen) => Yuan(fen) + " 元";

    /// <summary>A message about one of the files uploaded together.</summary>
    public static string OfFile(string fileName, string message) => $"文件“{fileName}”：{message}";

    public static string Status(ContractStatus s) => s switch
    {
        ContractStatus.Normal => "正常",
        ContractStatus.Declined => "谢绝",
        ContractStatus.Void => "作废",
        ContractStatus.Settled => "结清",
        _ => s.ToString(),
    };

    /// <summary>Fen as yuan with two decimals and thousands separators, exact.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static decimal ToYuan(long fen) => fen / 100m;

    public static string Rate(decimal? percent) => percent is { } p ? p.ToString("F2", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
