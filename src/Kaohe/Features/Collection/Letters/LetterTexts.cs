using Kaohe.Domain.Collection;

namespace Kaohe.Features.Collection;

/// <summary>The letters' built-in texts and messages, in Chinese, in one place.</summary>
public static class LetterTexts
{
    public static string DefaultTitle(LetterKind kind) => kind == LetterKind.Reminder ? "生源地信用助学贷款还款提醒函" : "生源地信用助学贷款逾期催收函";

    /// <summary>The built-in body, one paragraph a line, until the province saves its own (<see cref="LetterTemplate"/>).</summary>
    public static string DefaultBody(LetterKind kind) => kind == LetterKind.Reminder
        ? """
          你与国家开发银行签订的生源地信用助学贷款合同（合同编号：{合同编号}）约定，贷款本息于每年12月20日从借款合同约定的还款账户扣收。截至{落款日期}，该贷款尚有{逾期金额}（其中本金{逾期本金}、利息{逾期利息}）未能扣收，最早一笔应于{最早应还日期}偿还。
          请于{还款期限}前将上述本息存入还款账户，以免加收罚息、影响借款人和共同借款人的个人信用记录。如已还款，请忽略本函。
          如有困难或疑问，请及时与我中心联系。地址：{中心地址}；电话：{中心电话}。
          """
        : """
          你与国家开发银行签订的生源地信用助学贷款合同（合同编号：{合同编号}）已逾期{逾期天数}天，逾期本息共{逾期金额}（其中本金{逾期本金}、利息{逾期利息}），最早一笔应于{最早应还日期}偿还。
          按照借款合同约定，逾期贷款加收罚息，逾期信息报送金融信用信息基础数据库，影响借款人和共同借款人的个人信用。请务必于{还款期限}前将逾期本息足额存入借款合同约定的还款账户。
          如确有困难，请在收到本函后尽快与我中心联系，说明情况、商定还款安排。地址：{中心地址}；电话：{中心电话}。
          """;

    public static string Salutation(string name, string? coBorrower) =>
        string.IsNullOrWhiteSpace(coBorrower) ? $"{name}同学：" : $"{name}同学、{coBorrower}（共同借款人）：";

    public const string TemplateInvalid = "信函模板有误，未保存";
    public const string TitleField = "标题", BodyField = "正文";
    public const string Empty = "不能为空";
    public static string TooLong(int max) => $"不能超过 {max} 个字";
    public static string UnknownPlaceholder(string name, IEnumerable<string> known) => $"未知的占位符 {{{name}}}（可用：{string.Join("、", known.Select(k => "{" + k + "}"))}）";
    public const string LongNumber = "不能含 15 位以上的连续数字（信函不印身份证号）";

    public const string TemplatesForbidden = "只有省级管理员可以修改信函模板";
    public const string LettersForbidden = "只有本单位的县级资助中心可以生成催收信函";
    public const string CentreForbidden = "只有省级管理员或本单位的县级资助中心可以修改中心的地址和电话";
    public const string CentreInvalid = "中心地址或电话有误，未保存";
    public const string AddressField = "中心地址", PhoneField = "中心电话";
    public const string PhoneMalformed = "电话应为数字，可含区号分隔符“-”、括号和空格，如 0371-66778899";
    public const string KindField = "信函";
    public const string UnknownKind = "应为还款提醒函（1，Reminder）或逾期催收函（2，Overdue）";
    public const string NoCases = "所选范围内没有未结案的案件，未生成信函";
    public const string CaseNotInUnit = "所选案件不属于本单位或已结案";
    public const string DeadlineInPast = "还款期限不能早于今天（北京时间）";
    public const string NoAddress = "（未登记中心地址）";
    public const string NoPhone = "（未登记中心电话）";

    public static string CentreName(string unit) => $"{unit}学生资助管理中心";
    public static string FileName(string unit, LetterKind kind, DateOnly day, string extension) => $"{unit}{Kind(kind)}-{day:yyyyMMdd}{extension}";
    public static string Kind(LetterKind kind) => CollectionTexts.Name(kind);
    public static string Notes(LetterKind kind, DateOnly deadline) => $"{Kind(kind)}（还款期限 {deadline:yyyy-MM-dd}）";
    public static string Date(DateOnly day) => day.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public const string ViewPurpose = "生成催收信函";
    public static string ViewOf(string unit, LetterKind kind) => $"{unit} {Kind(kind)}";
}
