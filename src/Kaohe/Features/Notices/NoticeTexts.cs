namespace Kaohe.Features.Notices;

/// <summary>
/// The notice's fixed wording and the defaults of its editable parts, taken from the 2018 Henan notice
/// (教资助函〔2019〕192号). Every default here can be changed per campaign on the notice page.
/// </summary>
public static class NoticeTexts
{
    public const string Issuers = "河南省教育厅 国家开发银行河南省分行";
    public const string Addressee = "各省辖市、省直管县（市）教育局：";
    public const string Disclosure = "（主动公开）";
    public const string AnnexLabel = "附件";
    public const string ResultsLead = "根据《通知》要求，经考核专家组集体评审，";
    public const string ResultsTail = "。各单位考核情况详见附件。";
    public const string ProblemsLead = "在考核过程中，也发现了工作中存在的突出问题：";
    public const string NoFindings = "（本次考核未记录存在的问题，请在此填写。）";
    public const string SyntheticLabel = "演示数据";
    public static readonly string[] Headings = ["一、整体情况", "二、考核结果", "三、存在的问题", "四、下一步工作要求"];
    public static readonly string[] Stages = ["县级学生资助管理中心（以下简称县资助中心）自查", "市级学生资助管理中心主评", "专家组复评", "专家组实地查看"];

    public const string NotSealed = "该年度考核尚未封存，结果未定，不能生成通报";
    public const string NotAllowed = "只有省资助中心管理员可以修改通报";

    public const string ApiTag = "考核结果通报";

    public static string NoCampaign(int year) => $"没有 {year} 年度的考核";
    public static string UnknownFormat(string? text) => $"未知的格式“{text}”，应为 docx、pdf、html 或 txt";
    public static string FileName(int year, string extension) => $"{year}年度考核结果通报{extension}";
    public static string Generated(string path, string sentence) => $"已生成 {path}：{sentence}";
    public static string DocumentNumber(int year) => $"教资助函〔{year + 1}〕号";
    public static string Title(int year) => $"{Issuers} 关于全省市、县 {year} 年度生源地信用助学贷款工作考核结果的通报";
    public static string AnnexTitle(int year) => $"河南省 {year} 年度县（市、区）生源地信用助学贷款工作考核结果";

    public static string Opening(int year) =>
        "为加强对生源地信用助学贷款的管理，提升生源地信用助学贷款管理水平，有效控制贷款风险，根据《全国学生资助管理中心 国家开发银行评审三局关于印发国家开发银行生源地信用助学贷款县级学生资助管理机构考核办法的通知》（教助中心〔2012〕108号）精神，"
        + $"我省下发了《河南省教育厅 国家开发银行河南省分行关于对 {year} 年度全省生源地信用助学贷款工作进行考核的通知》（以下简称《通知》），"
        + $"对全省各市、县{year}年度生源地信用助学贷款工作进行了考核。现将考核结果通报如下：";

    /// <summary>The 2018 narrative with the stages and the unit counts filled in from the campaign.</summary>
    public static string Overview(int units, int zones, int cityCentres) =>
        $"本次考核分{string.Join("、", Stages[..^1])}和{Stages[^1]}等{Stages.Length}个阶段进行，考核范围覆盖全省开办生源地贷款业务的{units}个县级资助中心"
        + Including(zones, cityCentres)
        + "。考核情况显示：绝大多数市、县高度重视生源地信用助学贷款工作，成立了学生资助工作领导小组并通过召开会议推进各项助学贷款工作开展，建立了具有独立法人资格的学生资助管理机构，并配备了专职工作人员，各地学生资助管理中心均安排有独立的办公场所，经费安排和设备配备能满足工作开展的需要，各项管理制度健全，工作岗位职责明确；大部分市、县全年工作计划明确，根据制定应急预案进行演练，能及时有效组织高中学校开展预申请工作，贷款申请受理与合同签订工作有序进行，宣传、诚信教育效果显著，各项贷后管理工作有序开展；档案材料真实完整上报及时，内部档案管理基本规范；能及时准确的完成生源地贷款管理系统的信息维护工作、合同变更办理工作和毕业确认工作，风险补偿金归集及时；贷款回收工作效果显著，部分市、县建立了有效的风险防控机制；建立了咨询投诉处理机制，并设立了专人值守的咨询投诉电话，生源地信用助学贷款工作得到广大人民群众的认同和赞誉。";

    // The 2018 notice says 9 zones, but its annex names only 8 (DOMAIN.md §2): Kaohe counts the unit types it stores.
    private static string Including(int zones, int cityCentres)
    {
        var parts = new List<string>();
        if (zones > 0) parts.Add($"{zones}个未列入行政区划的开发区");
        if (cityCentres > 0) parts.Add($"{cityCentres}个代办所辖区生源地信用助学贷款业务的市级学生资助管理中心");
        return parts.Count == 0 ? "" : $"（其中，包括{string.Join("和", parts)}，下同）";
    }

    /// <summary>四、下一步工作要求 of the 2018 notice: the default when no earlier year has its own.</summary>
    public const string Requirements =
        "各市、县要结合本地实际情况，对考核中发现问题进行认真整改，并重点做好以下几个方面的工作：\n"
        + "（一）继续推进机构队伍建设。各市、县要以全面实施生源地信用助学贷款为契机，充实工作人员，落实工作条件和工作经费，为生源地信用助学贷款工作及其它各项学生资助工作的开展提供保障。\n"
        + "（二）进一步加大应急预案执行情况的检查力度。省市两级要进一步加大生源地贷款应急预案执行情况的检查力度，避免生源地贷款工作受理期间发生群体性事件，保证生源地助学贷款工作安全有序进行。\n"
        + "（三）进一步规范档案管理工作。各市、县应设立独立档案室，妥善保管生源地信用助学贷款信贷档案，健全档案管理工作制度，明确档案管理岗位职责，确保档案的安全完整。\n"
        + "（四）进一步加强贷后管理工作。各市、县（市、区）要结合当年本息回收预测情况，统筹制定全年本息回收计划，6月底之前，提醒毕业学生办理毕业确认、就学信息变更、还款计划变更手续，提醒本年需要自付利息的学生按时支付利息；要高度重视对学生追踪联络、还款通知和逾期催收工作；对逾期未还款的学生，发挥多方力量联络学生或家长，督促其及时偿还本息并做好贷后管理记录和留痕工作。省教育厅将建立回收数据通报机制，通报当年本息回收情况。\n"
        + "（五）推动建立多级联动的风险防控机制。各市、县要充分发挥各级政府的统筹协调作用，强化县级学生资助中心的管理职能，构建“县、乡、村、校联动风险防控机制”，通过建立“县政府—乡镇政府—村（居）委会”“县级资助中心—高中—乡镇中心校—村小学”多级协同管理体系，强化基层政府部门和教育行政部门管理职责，提高工作效率，加大风险防控力度。";

    /// <summary>The 2018 notice drafts its problems as "一是…需进一步加强。…二是…"; Kaohe drafts one clause per category.</summary>
    public static string ProblemClause(int index, string category, IEnumerable<string> texts) =>
        $"{"一二三四五六七八九"[index]}是{category}方面。{string.Join("；", texts.Select(t => t.TrimEnd('。', '；')))}。";

    /// <summary>The notice's last line: what a printed copy is checked against (`kaohe audit verify` prints the same code).</summary>
    public static string Verification(string sealCode, string head) => $"封存校验码：{sealCode}　{head}（生成时）";

    public static string DateText(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
