namespace Kaohe.Features.Collection;

/// <summary>The collection desk's messages, in Chinese.</summary>
public static class CollectionTexts
{
    /// <summary>The Chinese name of a catalogue value (its Description).</summary>
    public static string Name<T>(T value) where T : struct, Enum => Audit.EnumNames.Of(typeof(T), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public const string CasesForbidden = "催收案件含借款人个人信息，您的角色只能查看统计数字";
    public const string RecordForbidden = "只有本单位的县级资助中心可以登记联系记录";
    public const string RecordInvalid = "联系记录有误，未保存";
    public const string InFuture = "联系时间不能晚于现在（北京时间）";
    public const string TooEarly = "联系时间不能早于 2007 年（生源地信用助学贷款开办之前）";
    public const string PromiseNeedsResult = "只有结果为“已接通-承诺还款”时才登记承诺金额和日期";
    public const string PromiseMissing = "结果为“已接通-承诺还款”时，须填写承诺金额和承诺还款日期";
    public const string PromiseAmount = "承诺金额须大于 0 元";
    public const string PromiseDate = "承诺还款日期不能早于联系日期";
    public const string NextActionDate = "下一步日期不能早于联系日期";
    public const string NotesTooLong = "备注不能超过 2000 字";
    public const string NextActionTooLong = "下一步工作不能超过 200 字";
    public const string CorrectsUnknown = "被更正的记录不属于本案件";
    public const string CorrectsTwice = "该记录已被更正过，请更正最新的那条";
    public const string UnknownValue = "不是可选的值";
    public const string NoSmsGateway = "未配置短信平台：请设置 Kaohe:Sms:Url（及 Kaohe:Sms:Token），或导出短信批量文件交本单位的短信平台发送";
    public const string SmsClosed = "已结案的案件不发催收短信：请在“全部待办”或其他待办分类中发送";
    public const string SmsForbidden = "只有本单位的县级资助中心可以发送催收短信";

    public const string NeverContacted = "从未联系";
    public const string PeriodInvalid = "统计期间的开始日期不能晚于结束日期";
    public const string CentreSaved = "已保存中心地址和电话，之后生成的信函将印上它们";

    // 催收短信
    public static string SmsNotes(string text, string delivery) => $"{text}（{delivery}）";
    public const string SmsBatchView = "催收短信批量文件";
    public const string SmsBatchPhoneField = "联系电话";
    public const string SmsBatchPurpose = "交短信平台发送";
    public static string SmsBatchViewOf(string unit) => $"{unit} 催收短信";
    public static string SmsBatchFileName(string unit, DateOnly today) => $"{unit}催收短信-{today:yyyyMMdd}.csv";

    // 电话催收清单
    public static string CallListFileName(string unit, DateOnly asOf, string extension) => $"{unit}电话催收清单-{asOf:yyyyMMdd}{extension}";
    public static string CallListTooLong(int max, int rows) => $"一次最多导入 {max:N0} 行，本文件有 {rows:N0} 行";
    public static string CallListUnknownCase(string text) => $"“{text}”不是您范围内的催收案件编号";
    public const string CallListTimeFormat = "应为日期和时间，如 2026-03-05 14:30";
    public const string CallListAmountFormat = "应为金额（元），最多两位小数，如 1200.50";
    public static string CallListDuplicate(int firstRow) => $"与第 {firstRow} 行重复（同一案件、同一时间、同一结果）";
    public const string CallListEmpty = "文件中没有填写联系结果的行：请在“联系时间”至“下一步日期”各列填写后再导入";
    public static string ChoiceMissing(IEnumerable<string> options) => $"不能为空，应为：{string.Join("、", options)}";
    public static string ChoiceUnknown(string text, IEnumerable<string> options) => $"“{text}”不是可选的值，应为：{string.Join("、", options)}";
    public static string NotADate(string text) => $"“{text}”不是日期，应如 2026-03-05";

    // 联系记录与佐证材料; the form's field names are the contact rules'
    public const string EvidenceField = ContactRules.Evidence, PromisedAmountField = ContactRules.PromisedAmount;
    public static string EvidenceTooMany(int max) => $"最多附 {max} 个文件";
    public static string EvidenceEmptyOrTooLarge(string name) => $"“{name}”为空或超过 10 MB";
    public static string EvidenceTooLarge(string name) => $"“{name}”超过 10 MB";
    public static string EvidenceKindUnknown(string name) => $"“{name}”不是照片（JPG、PNG）、录音（MP3、M4A、AMR、WAV）或 PDF";
    public const string PromisedAmountFormat = "承诺金额应为元，最多两位小数，如 1200.50";
    public static string ContactSaved(int id, int? corrects) => corrects is { } c ? $"已登记联系记录（第 {id} 条，更正第 {c} 条）" : $"已登记联系记录（第 {id} 条）";

    // 今日待办页
    public const string DefaultSmsTemplate = "{姓名}同学：您的生源地信用助学贷款已逾期{逾期天数}天，逾期本息{逾期金额}，请尽快还款；如有困难请联系{单位}学生资助管理中心。";
    public const string CallListMissing = "请选择要导入的电话催收清单（.xlsx 或 .csv）";
    public static string CallListImported(string fileName, int records, int rowsLeftEmpty) =>
        $"已导入“{fileName}”：联系记录 {records} 条" + (rowsLeftEmpty > 0 ? $"，未填写结果的 {rowsLeftEmpty} 行未导入" : "");
    public static string CallListRejected(int errors, int shown) => $"文件有 {errors} 处错误，未写入任何数据" + (errors > shown ? $"（以下为前 {shown} 处）：" : "：");

    // 短信平台
    public static string SmsRefused(int status, string body) => $"短信平台拒绝（HTTP {status}）：{body}";
    public const string SmsAccepted = "已受理";
    public static string SmsTimedOut(TimeSpan timeout) => $"短信平台 {timeout.TotalSeconds:0} 秒内未应答";
    public static string SmsUnreachable(string reason) => "无法连接短信平台：" + reason;

    // 短信模板
    public const string TemplateField = "短信模板";
    public const string TemplateInvalid = "短信模板有误";
    public const string TemplateEmpty = "短信模板不能为空";
    public static string TemplateTooLong(int max) => $"短信模板不能超过 {max} 字";
    public static string TemplateUnknownPlaceholder(string name, IEnumerable<string> known) => $"不认识的占位符 {{{name}}}，可用：{string.Join("、", known.Select(k => "{" + k + "}"))}";
    public const string TemplateLongNumber = "短信模板中不能有身份证号等长串数字";

    // 留痕核对（审计链的一部分）
    public const string TrailName = "催收留痕";
    public static string TrailChecked(int records) => $"催收联系记录 {records} 条";
    public static string TrailChanged(string? entityId, long auditId, string action) => $"联系记录 {entityId} 在审计日志第 {auditId} 条被{action}：联系记录只能追加，不能修改或删除";
    public static string TrailEdited(int id) => $"联系记录 {id} 的内容被改动过：与其哈希不符";
    public static string TrailNotAudited(int id) => $"联系记录 {id} 不在审计链中：它不是经由 Kaohe 登记的";
    public static string TrailSwapped(int id) => $"联系记录 {id} 与审计链中登记时的内容不符：被改动或调换过";
    public static string TrailRemoved(IEnumerable<int> ids) => $"联系记录 {string.Join("、", ids)} 已登记却不见了：被删除过";
    public static string EvidenceEdited(int recordId, int fileId) => $"联系记录 {recordId} 的佐证材料（第 {fileId} 个文件）被改动过：与其哈希不符";
    public static string EvidenceChanged(int recordId) => $"联系记录 {recordId} 的佐证材料与登记时不符：被删除、替换或增加过";
    public static string EvidenceAdded(int recordId) => $"联系记录 {recordId} 有登记时没有的佐证材料：被增加过";

    // 统计与指标
    public const string CasesUnit = "件";
    public const string ChartTitle = "各单位未结催收案件账龄分布与期间内联系率";
    public const string ChartContacted = "期间内联系率";
    public const string ContactedWithin30DaysName = "逾期30天内联系率";
    public static string ContactedWithin30DaysDefinition(int year, string until) => $"{year}-01-01 至 {until} 立案的催收案件中，立案前后 30 天内有联系记录的占比";
    public const string PromiseKeptName = "承诺还款兑现率";
    public static string PromiseKeptDefinition(int year, string asOf) => $"{year}-01-01 至 {asOf} 核对的承诺还款中，到期前已还足承诺金额的占比";
    public const string NeverContactedName = "从未联系的逾期案件数";
    public static string NeverContactedDefinition(string asOf) => $"截至 {asOf} 未结、且没有任何联系记录的催收案件数";
    public static string NeverContactedWorking(int never, int open) => $"{never} 件（未结案件共 {open} 件）";

    // CLI
    public static string NoActiveAccount(string name) => $"没有启用的账户“{name}”";
    public static string NoUnit(string text) => $"没有单位“{text}”（请用区划代码或名称）";
}

/// <summary>The collection desk's items on the home pages.</summary>
public static class CollectionDeskTexts
{
    public const string Promises = "承诺还款已到期或已违约、待跟进的案件";
    public const string NeverContacted = "从未联系的逾期案件";
    public const string NextSteps = "本周内（或已过期）计划的下一步联系";
    public const string Open = "各单位未结的逾期催收案件";
    public static string OpenDetail(int never, int lost) => $"其中从未联系 {never} 件，失联 {lost} 件";
}
