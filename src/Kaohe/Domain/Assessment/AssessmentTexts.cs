namespace Kaohe.Domain.Assessment;

/// <summary>The assessment area's user-facing Chinese text.</summary>
public static class AssessmentTexts
{
    public const string Sealed = "考核已封存，结果只读，不能再修改";
    public const string ReturnNeedsReason = "退回必须填写理由";
    public const string NoCityStage = "该单位直接向省里报送，没有市级主评阶段";
    public const string NotScoredYet = "该单位尚未完成各阶段评分，不能集体评审";
    public const string GradeChangeNeedsReason = "调整等级必须填写理由";
    public const string GradeChangeNeedsMajority = "调整等级必须记录表决结果，且赞成票多于反对票";
    public const string NotAllowed = "当前账户无权进行此操作";
    public const string NotFound = "考核或单位不存在";
    public const string SchemeInUse = "该指标体系已被考核使用，不能修改；请另存为新版本";

    public static string Locked(Stage stage, UnitStep step) => $"该单位当前处于“{StepName(step)}”，{stage.ChineseName()}数据已锁定";
    public static string CannotReturnForward(Stage to, UnitStep step) => $"只能退回到更早的阶段（当前：{StepName(step)}，目标：{to.ChineseName()}）";
    public static string GapNeedsReason(Stage previous, decimal before, decimal now, decimal max) =>
        $"本阶段总分 {now:0.##} 与{previous.ChineseName()} {before:0.##} 相差超过 {max:0.##} 分，须填写差异说明";
    public static string NotAllGraded(int missing) => $"还有 {missing} 个单位没有确定等级，不能封存";
    public static string StageNotOpen(Stage stage) => $"{stage.ChineseName()}阶段未开放或已过宽限期";
    public static string PointsOutOfRange(string code, decimal max) => $"指标 {code} 的得分必须在 0 到 {max:0.##} 之间";
    public static string MissingScore(string code) => $"指标 {code} 尚未评分";

    public static string StepName(UnitStep step) => step switch
    {
        UnitStep.SelfCheck => "县级自查中",
        UnitStep.CityReview => "待市级主评",
        UnitStep.ExpertReview => "待专家组复评",
        UnitStep.FieldVisit => "待实地查看",
        _ => "待集体评审",
    };

    public static string StatusName(CampaignStatus s) => s switch
    {
        CampaignStatus.Draft => "筹备中",
        CampaignStatus.Open => "进行中",
        _ => "已封存",
    };

    public static string StageStatusName(StageStatus s) => s switch
    {
        StageStatus.NotOpen => "未开始",
        StageStatus.Open => "进行中",
        _ => "已结束",
    };

    public static string KindName(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Scored => "人工评分",
        IndicatorKind.Computed => "数据计算",
        _ => "一票否决",
    };
}
