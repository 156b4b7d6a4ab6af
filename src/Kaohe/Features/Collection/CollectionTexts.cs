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
}
