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
        $"审计链在第 {e.Id} 条断开：该记录的内容被改动过（{e.AtUtc:yyyy-MM-dd HH:mm:ss} {e.Actor} {e.Action} {e.EntityType}）";

    public static string IntactButTrailWrong(long count, string trail, string problem) => $"审计链完整，共 {count} 条记录；但{trail}有误：{problem}";

    /// <param name="trails">What each trail checked against the chain (<see cref="IAuditedTrail"/>) says it checked.</param>
    public static string Intact(long count, IEnumerable<string> trails) =>
        $"审计链完整，共 {count} 条记录" + string.Concat(trails.Select(t => $"；{t}，与审计链一致"));

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
