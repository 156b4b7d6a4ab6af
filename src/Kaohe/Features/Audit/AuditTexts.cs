namespace Kaohe.Features.Audit;

/// <summary>Chinese names for the entity types the trail records; an area adds its own types here.</summary>
public static class AuditTexts
{
    public const string ApiTag = "审计";

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
    };

    public static string EntityName(string type) => EntityNames.GetValueOrDefault(type, type);
}
