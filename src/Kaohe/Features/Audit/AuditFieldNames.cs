namespace Kaohe.Features.Audit;

/// <summary>
/// The Chinese label of every audited field, by property name (a name means the same in every entity), and of the
/// keys of an import event's summary. An area that adds an audited entity adds its fields here; the browser crawl
/// fails on a field shown by its English name.
/// </summary>
public static class AuditFieldNames
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Id"] = "编号", ["Action"] = "操作", ["Actor"] = "操作人", ["Address"] = "登录地址", ["Addressee"] = "主送", ["AmountFen"] = "金额",
        ["AtUtc"] = "时间", ["BorrowerKey"] = "借款人", ["BorrowerName"] = "借款人姓名", ["CampaignId"] = "考核",
        ["CampaignUnitId"] = "参评单位", ["Category"] = "类别", ["CityGroupId"] = "所属分组", ["CoBorrowerIdNumberCipher"] = "共同借款人身份证号",
        ["CoBorrowerName"] = "共同借款人", ["Code"] = "编码", ["CodeVintage"] = "代码版本", ["Comment"] = "说明",
        ["ComputedGrade"] = "计算等级", ["Content"] = "内容", ["ContentType"] = "文件类型", ["ContractNumber"] = "合同号",
        ["CreatedAtUtc"] = "创建时间", ["DataAsOf"] = "数据截至", ["DataFormula"] = "公式", ["DataNumbers"] = "数据",
        ["DataScoring"] = "计分", ["DataSource"] = "数据来源", ["DataValue"] = "数值", ["DecisionReason"] = "评定理由",
        ["DisplayName"] = "显示名", ["DivisionCode"] = "区划代码", ["DocumentNumber"] = "文号", ["DrawnAtUtc"] = "抽取时间",
        ["DrawnBy"] = "抽取人", ["DrawnUnitIds"] = "抽中单位", ["DueDate"] = "期限", ["DueInterestFen"] = "应还利息",
        ["DueOn"] = "截止日期", ["DuePrincipalFen"] = "应还本金", ["EnrolmentYear"] = "入学年份", ["Evidence"] = "佐证材料",
        ["ExcellentMin"] = "优秀分数线", ["ExcellentQuotaPercent"] = "优秀比例上限", ["ExpertUserId"] = "专家",
        ["FailedSignIns"] = "连续登录失败", ["FileName"] = "文件名", ["FinalGrade"] = "最终等级", ["FinalScore"] = "最终得分",
        ["GapReason"] = "分差说明", ["GoodMin"] = "良好分数线", ["GraceUntil"] = "宽限至", ["GraduationConfirmedOn"] = "毕业确认日期",
        ["Guidance"] = "评分说明", ["IdNumberCipher"] = "身份证号", ["ImportedAtUtc"] = "导入时间", ["ImportedBy"] = "导入人",
        ["IndicatorId"] = "指标", ["InputsJson"] = "计算依据", ["IsActive"] = "启用", ["IsHistorical"] = "历史考核",
        ["IsSampled"] = "抽中实地查看", ["IssueDate"] = "成文日期", ["Issuers"] = "发文机关", ["Key"] = "键", ["Kind"] = "类型",
        ["Level"] = "层级", ["LockedUntilUtc"] = "锁定至", ["MaxGapWithoutReason"] = "免说明最大分差", ["MaxPoints"] = "满分",
        ["Name"] = "名称", ["Note"] = "备注", ["Opening"] = "开头", ["OpensOn"] = "开始日期", ["Ordinal"] = "期次",
        ["Origin"] = "来源", ["Overview"] = "总体情况", ["PaidDate"] = "还款日期", ["PaidInterestFen"] = "实还利息",
        ["PaidPrincipalFen"] = "实还本金", ["ParentCity"] = "所属市", ["ParentCode"] = "上级编码", ["PassMin"] = "合格分数线",
        ["PasswordHash"] = "密码", ["PhoneCipher"] = "电话", ["Points"] = "得分", ["PointsRule"] = "计分规则",
        ["Problems"] = "存在问题", ["PublishedName"] = "公布名称", ["Reason"] = "原因", ["ReceiptEnteredOn"] = "回执录入日期",
        ["Requirements"] = "工作要求", ["ReturnReason"] = "退回理由", ["Role"] = "角色", ["RowCount"] = "行数",
        ["SchemeId"] = "指标体系", ["SchoolYear"] = "学年", ["ScoredBy"] = "评分人", ["SealedAtUtc"] = "封存时间",
        ["SealedBy"] = "封存人", ["Sha256"] = "文件 SHA-256", ["Seed"] = "随机种子", ["Size"] = "大小（字节）", ["SnapshotId"] = "台账快照",
        ["SortOrder"] = "排序", ["SourceFileName"] = "来源文件", ["SourceSha256"] = "文件 SHA-256", ["Stage"] = "阶段",
        ["StageResultId"] = "阶段评分", ["Status"] = "状态", ["Step"] = "进度", ["StudyYears"] = "学制",
        ["SubmittedAtUtc"] = "提交时间", ["SupersededAtUtc"] = "被替代时间", ["Text"] = "内容", ["Title"] = "标题",
        ["Total"] = "总分", ["Type"] = "类型", ["UnitId"] = "单位", ["University"] = "就读高校", ["UpdatedBy"] = "修改人",
        ["UploadedAtUtc"] = "上传时间", ["UploadedBy"] = "上传人", ["UserAgent"] = "浏览器标识", ["UserName"] = "用户名", ["Version"] = "版本",
        ["VetoCap"] = "否决等级上限", ["VetoHit"] = "触发否决", ["VotesAbstain"] = "弃权票", ["VotesAgainst"] = "反对票",
        ["VotesFor"] = "赞成票", ["Year"] = "年度", ["YearDue"] = "应还年度", ["YearPaid"] = "还款年度",
        // the collection desk's letters, and the centre's address they print
        ["Body"] = "正文", ["CentreAddress"] = "中心地址", ["CentrePhone"] = "中心电话",
        // the summary of an import event
        ["file"] = "文件", ["sha256"] = "SHA-256", ["units"] = "单位数", ["rows"] = "行数", ["snapshots"] = "台账快照",
        ["sections"] = "段落", ["reason"] = "原因", ["created"] = "新增", ["updated"] = "更新", ["year"] = "年度",
        ["expert"] = "专家", ["step"] = "进度", ["rowDigests"] = "各快照行数与摘要",
        // collection (催收): a contact record, a promise's outcome, the summary of a case sync
        ["CaseId"] = "催收案件", ["Channel"] = "联系方式", ["ContactedAtUtc"] = "联系时间", ["Party"] = "联系对象", ["Result"] = "联系结果",
        ["Notes"] = "备注", ["NextAction"] = "下一步工作", ["NextActionOn"] = "下一步日期", ["PromisedFen"] = "承诺金额",
        ["PromisedOn"] = "承诺还款日期", ["CorrectsId"] = "更正记录", ["RecordedBy"] = "登记人", ["RecordedAtUtc"] = "登记时间",
        ["Hash"] = "哈希", ["EvidenceSha256"] = "佐证材料 SHA-256", ["ContactRecordId"] = "联系记录", ["Kept"] = "已兑现", ["PaidSinceFen"] = "承诺后已还", ["CheckedOn"] = "核对日期",
        ["asOf"] = "截至", ["opened"] = "新立案", ["closed"] = "结案", ["kept"] = "承诺兑现", ["broken"] = "承诺违约",
    };

    /// <summary>The label of a field; a field nobody named keeps its name, which the browser crawl reports.</summary>
    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>Fields whose value is shown as a client sent it (a browser's user agent is English by nature), not as Kaohe words it.</summary>
    public static bool IsAsSent(string field) => field == "UserAgent";
}
