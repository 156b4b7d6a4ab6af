using Kaohe.Domain.Collection;

namespace Kaohe.Features.Collection;

/// <summary>
/// The call list's columns (电话催收清单), shared by <see cref="ExportCallList"/> and <see cref="ImportCallList"/>: the
/// case's context, then the result block the officer fills in, headed as the contact rules name their fields.
/// </summary>
internal static class CallListFormat
{
    public const string CaseColumn = "案件编号";
    public const string AmountColumn = "承诺金额（元）";

    public static readonly string[] Context = [CaseColumn, "借款人", "合同编号", "逾期本息（元）", "逾期天数", "账龄", "联系次数", "最近联系", "承诺还款"];

    /// <summary>The result block, as the columns are headed; the contact rules' field names lead to them.</summary>
    public static readonly string[] Block =
        [ContactRules.Time, ContactRules.Channel, ContactRules.Party, ContactRules.Result, AmountColumn, ContactRules.PromisedDate, ContactRules.Notes, ContactRules.NextAction, ContactRules.NextActionDate];

    /// <summary>The block's columns a filled row must have.</summary>
    public static bool IsRequired(string column) => column is ContactRules.Time or ContactRules.Channel or ContactRules.Party or ContactRules.Result;

    /// <summary>Other headings a column is recognised by.</summary>
    public static string[] AliasesOf(string column) => column == AmountColumn ? ["承诺金额"] : [];

    /// <summary>The column a contact rule's field is read from.</summary>
    public static string ColumnOf(string field) => field is ContactRules.Promise or ContactRules.PromisedAmount ? AmountColumn : field;

    /// <summary>A catalogue's values as the list shows them (and the xlsx drop-downs offer them).</summary>
    public static string[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(CollectionTexts.Name).ToArray();
}
