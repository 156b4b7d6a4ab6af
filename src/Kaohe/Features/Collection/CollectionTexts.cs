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
}
