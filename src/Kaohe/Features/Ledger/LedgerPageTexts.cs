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
