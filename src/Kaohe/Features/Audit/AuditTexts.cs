using Kaohe.Data;
using Kaohe.Domain.Audit;

namespace Kaohe.Features.Audit;

/// <summary>
/// The audit area's Chinese text: the entity types the trail records (an area adds its own types here), how values
/// read, and what the chain check reports. Field labels are a vocabulary of their own (<see cref="AuditFieldNames"/>).
/// </summary>
public static class AuditTexts
{
    public const string ApiTag = "审计";

    // How values read (AuditValues); a sentence entry (a clear-text view) is shown under 内容.
    public const string Sentence = "内容", Yes = "是", No = "否", Nothing = "—", ListSeparator = "、";

    public static string Yuan(string amount) => amount + " 元";

    public static string BrokenBefore(long id) => $"审计链在第 {id} 条断开：它之前的记录被删除、插入或改动过";

    public static string BrokenAt(AuditEntry e) =>
        $"审计链在第 {e.Id} 条断开：该记录的内容被改动过（{e.AtUtc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} {e.Actor} {e.Action} {e.EntityType}）"
        + (e.HashKind == AuditHashKind.HmacSha256 ? "，或所用数据密钥不是写入时的密钥" : "");

    public static string PlainAfterKeyed(long id) =>
        $"审计链在第 {id} 条断开：该记录标为升级前的 SHA-256 记录，但它之前已有带密钥的记录——链被改写过";

    public static string ShorterThanCheckpoint(long checkpoint, long? last) =>
        $"审计链比最近的检查点短：检查点记录到第 {checkpoint} 条，库中只到第 {last ?? 0} 条——链尾被删除过";

    public static string CheckpointEntryGone(long checkpoint) => $"检查点记录的第 {checkpoint} 条不在库中：该记录被删除过";

    public static string CheckpointMismatch(long checkpoint) => $"第 {checkpoint} 条与检查点记录的不一致：它或它之前的链被改写过";

    public static string CheckpointInvalid(string path) => $"检查点文件 {path} 无法读取或不是用本数据密钥签写的";

    public static string NoCheckpoint(string path) => $"未找到检查点文件 {path}，无法确认链尾未被截去";

    public static string AtCheckpoint(long id) => $"与检查点（第 {id} 条）一致";

    public static string Legacy(long count) => $"其中前 {count} 条是升级前的 SHA-256 记录，只能发现前后不一致的改动";

    public static string Head(AuditHead? head) => head is null ? "审计链头：（空）" : $"审计链头：第 {head.Id} 条 {head.Hash[..16]}";

    public const string SealRefused = "封存数据校验未通过，不能发布";
    public const string SealCodeNotRecorded = "封存时未记录";

    public static string SealIntact(int year, string code) => $"{year} 年度封存数据一致（封存校验码 {code}）";

    public static string SealNotRecorded(int year) => $"{year} 年度封存时未记录校验码（封存于校验码启用之前），其封存数据无法核对";

    public static string SealChanged(int year, IReadOnlyList<string> units, bool settings) =>
        $"{year} 年度考核封存后数据被改动："
        + string.Join("；", (units.Count > 0 ? [$"{string.Join(ListSeparator, units)}的封存数据与封存时不一致"] : Array.Empty<string>())
            .Concat(settings ? ["考核的指标体系版本、等级分数线或优秀比例与封存时不一致"] : []));

    public static string SealAltered(int year) => $"{year} 年度考核的封存记录被改动：审计链中该记录的校验不符";

    public static string SealUndone(int year) => $"{year} 年度考核在审计链中已封存，但库中已不是封存状态：封存在 Kaohe 之外被解除";

    public static string SealedTwice(int year) => $"{year} 年度考核在审计链中封存过两次：第一次封存后曾在 Kaohe 之外被解除封存";

    public static string SealMissing(int year) => $"{year} 年度考核已封存，但审计链中没有它的封存校验码记录（记录被删除或改写）";

    public static string RowWithoutEntry(string type, string key) => $"{EntityName(type)}（编号 {key}）：库中有此行，审计链中没有它的新增记录";

    public static string RowDiffers(string type, string key, IEnumerable<string> fields) =>
        $"{EntityName(type)}（编号 {key}）：{string.Join(ListSeparator, fields)}与审计链最后记录的不一致";

    public static string RowGone(string type, string key) => $"{EntityName(type)}（编号 {key}）：审计链中有此行，库中没有，也没有删除记录";

    public static string MoreDifferences(int count) => $"……另有 {count} 处不一致未列出";

    public static string DataClean(long rows, IEnumerable<string> bulk) =>
        $"数据与审计链一致：核对 {rows} 行" + string.Concat(bulk.Select(b => "；" + b));

    public static string DataDiffers(int count) => $"数据与审计链不一致，共 {count} 处（可能在 Kaohe 之外被改动）：";

    public static string UnknownUnit(int id) => $"单位（编号 {id}）";


    public static string IntactButTrailWrong(long count, string trail, string problem) => $"审计链完整，共 {count} 条记录；但{trail}有误：{problem}";

    public static string IntactButSealsWrong(long count, IEnumerable<string> problems) => $"审计链完整，共 {count} 条记录；但" + string.Join("；", problems);

    /// <param name="notes">What the check adds: the checkpoint, the plain entries, each sealed campaign.</param>
    /// <param name="trails">What each trail checked against the chain (<see cref="IAuditedTrail"/>) says it checked.</param>
    public static string Intact(long count, IEnumerable<string> notes, IEnumerable<string> trails) =>
        $"审计链完整，共 {count} 条记录" + string.Concat(notes.Select(n => "；" + n)) + string.Concat(trails.Select(t => $"；{t}，与审计链一致"));

    private static readonly Dictionary<string, string> EntityNames = new()
    {
        ["Unit"] = "单位",
        ["UnitAlias"] = "单位别名",
        ["ServedDistrict"] = "代办辖区",
        ["CityGroup"] = "分组",
        ["UserAccount"] = "账户",
        ["ExpertAssignment"] = "专家分配",
        ["Campaign"] = "考核活动",
        ["CampaignUnit"] = "参评单位",
        ["Finding"] = "问题",
        ["CampaignStage"] = "考核阶段",
        ["EvidenceFile"] = "佐证材料",
        ["FieldVisitDraw"] = "实地查看抽取",
        ["Indicator"] = "指标",
        ["IndicatorScheme"] = "指标体系",
        ["IndicatorScore"] = "指标得分",
        ["StageResult"] = "阶段评分",
        ["NoticeDraft"] = "通报稿",
        ["LedgerSnapshot"] = "台账快照",
        ["LedgerBorrower"] = "借款人",
        ["Contract"] = "合同台账",
        ["Instalment"] = "还款计划台账",
        ["CollectionCase"] = "催收案件",
        ["ContactRecord"] = "催收联系记录",
        ["PromiseOutcome"] = "承诺还款核对",
        ["ContactEvidence"] = "催收佐证材料",
        ["LetterTemplate"] = "催收信函模板",
    };

    public static string EntityName(string type) => EntityNames.GetValueOrDefault(type, type);
}
