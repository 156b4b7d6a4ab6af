namespace Kaohe.Features.Ledger;

/// <summary>The ledger's items on a county's desk.</summary>
public static class LedgerDeskTexts
{
    public static string YearUnpaid(string yuan) => $"本年还款日前尚未收回的应还本息 {yuan} 元";
    public const string Overdue = "逾期借款人，须联络催收";
    public static string OverdueAmount(string yuan) => $"逾期本息 {yuan} 元";
    public const string ReceiptMissing = "未录入回执的借款人";
    public const string GraduationUnconfirmed = "未办理毕业确认的借款人";
}
