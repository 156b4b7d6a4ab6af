using Kaohe.Common.Tabular;

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
    public const string NoScheme = "该考核没有指标体系";
    public const string QuotaReason = "优秀名额限制";
    public const string EndBeforeStart = "结束日期不能早于开始日期";
    public const string GradeLinesOutOfOrder = "等级分数线必须满足 优秀 > 良好 > 合格";
    public const string FindingNeedsText = "问题描述不能为空";
    public const string FindingCategoryUnknown = "问题类别不正确";
    public const string EvidenceSize = "佐证材料不能为空，且不能超过 10 MB";
    public const string EvidenceTooLarge = "佐证材料不能超过 10 MB";
    public const string EvidenceType = "佐证材料只接受 PDF、JPG、PNG、DOCX、XLSX 文件";
    public const string ChooseEvidenceFile = "请选择不超过 10 MB 的文件";
    public const string ChooseWorkbookFile = "请选择评分表文件";
    public const string ReassignNeedsReason = "调整专家分配必须填写理由";
    public const string ExpertNotFound = "目标专家不存在";
    public const string AssignmentNotFound = "原分配不存在";
    public const string SealedNow = "考核已封存，结果只读";
    public const string FindingRecorded = "已记录问题";

    public const string SchemeFileName = "考核指标体系";

    public static string WorkbookFileName(Stage stage) => $"{stage.ChineseName()}评分表";
    public const string ExpertsOwnCity = "专家不能评审本人所在市的单位";
    public const string ExpertReviewedLastYear = "专家上一年度已评审过该单位";
    public const string ApiTag = "考核";
    public const string SchemesApiTag = "考核指标体系";
    public const string SealedShort = "考核已封存";

    // The scoring workbook's and the scheme file's cell errors (the column names are the formats', in their files).
    public const string NoDataRows = "文件中没有数据行";
    public const string NoIndicators = "文件中没有指标";
    public const string NameMissing = "名称不能为空";
    public static string NotYourUnit(string text, Stage stage) => $"“{text}”不是您在{stage.ChineseName()}阶段可评分的单位";
    public static string IndicatorTwice(string code) => $"指标 {code} 在本文件中重复";
    public static string NotScorableCell(string code) => $"“{code}”不是可评分的指标";
    public static string NoPoints(string code) => $"指标 {code} 未填得分";
    public static string NotNumber(string text) => $"“{text}”不是数字";
    public static string YesOrNo(string text) => $"“{text}”应填 是 或 否";
    public static string CodeForm(string code) => $"编号“{code}”应为 1、1.2 或 1.2.3 的形式";
    public static string PointsNotNonNegative(string text) => $"分值“{text}”不是非负数";
    public static string KindUnknown(string text) => $"类型“{text}”应为 人工评分、数据计算 或 一票否决";
    public static string GradeUnknown(string text) => $"等级“{text}”应为 优秀、良好、合格 或 不合格";
    public static string CodeTwice(string code) => $"编号“{code}”重复";
    public static string ParentMissing(string code) => $"找不到上级“{code}”";
    public static string PointsDontAddUp(string title, decimal points, decimal children) => $"“{title}”分值 {points:0.##} 与下级合计 {children:0.##} 不一致";

    public static string CampaignCreated(int id, string title, int units) => $"已新建考核 {id}：{title}，{units} 个单位";
    public static string DrawRecorded(IReadOnlyList<int> units, int seed, int drawId) => $"抽取 {units.Count} 个单位（种子 {seed}，记录 {drawId}）：{string.Join(",", units)}";
    public static string CampaignTitle(int year) => $"{year}年度生源地信用助学贷款工作考核";
    public static string UnknownStage(string text) => $"未知的阶段“{text}”";
    public static string NotScorable(string code) => $"指标 {code} 不是可评分的指标";
    public static string NoSuchIndicator(string code) => $"指标 {code} 不存在";
    public static string DataRuleError(string code, string column, string message) => $"指标 {code}“{column}”：{message}";
    public static string NotANumber(string code, string text) => $"指标 {code} 的得分“{text}”不是数字";

    // What the pages and the CLI say when an action succeeded.
    public static string StageToggled(Stage stage, bool open) => $"{stage.ChineseName()}阶段已{(open ? "开放" : "结束")}";
    public static string ExpertsAssigned(int added, int unassigned) => $"新分配 {added} 个；无可用专家的单位 {unassigned} 个";
    public static string FieldVisitsDrawn(int units, int seed) => $"抽取实地查看单位 {units} 个（种子 {seed}）";
    public static string ComputedConfirmed(int units) => $"按计算等级确定 {units} 个单位";
    public static string Scored(Stage stage, bool submitted, decimal total) => submitted ? $"{stage.ChineseName()}已提交，总分 {total:0.##}" : $"已保存草稿，总分 {total:0.##}";
    public static string ReturnedTo(Stage to) => $"已退回至{to.ChineseName()}";
    public static string Decided(Grade grade) => $"等级确定为{grade.ChineseName()}";
    public static string EvidenceUploaded(string fileName) => $"已上传佐证材料 {fileName}";
    public static string WorkbookRejected(IReadOnlyList<ImportError> errors) => string.Join("；", errors.Take(20)) + $"（共 {errors.Count} 处错误，未写入任何数据）";

    public static string WorkbookImported(int units, int scores, bool submitted, IReadOnlyList<string> notices) =>
        $"已导入 {units} 个单位的 {scores} 项评分{(submitted ? "并提交" : "（草稿）")}；数据计算指标按台账数据计分"
        + (notices.Count == 0 ? "" : "。" + string.Join("；", notices.Take(20)) + (notices.Count > 20 ? $"（共 {notices.Count} 处）" : ""));

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
