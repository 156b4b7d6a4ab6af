using System.ComponentModel;

namespace Kaohe.Domain.Collection;

public enum CaseCloseReason
{
    [Description("已结清")] Settled = 1,
    [Description("不在新台账中")] NotInLedger = 2, // the newer 还款计划 has no rows of the borrower at all
}

/// <summary>How long a case is overdue, from its oldest unpaid instalment (DOMAIN.md §5: aging buckets).</summary>
public enum AgingBucket
{
    [Description("1–30天")] UpTo30 = 1,
    [Description("31–90天")] UpTo90 = 2,
    [Description("91–180天")] UpTo180 = 3,
    [Description("181–365天")] UpTo365 = 4,
    [Description("365天以上")] Over365 = 5,
}

public static class AgingBuckets
{
    public static AgingBucket Of(int daysOverdue) => daysOverdue switch
    {
        <= 30 => AgingBucket.UpTo30,
        <= 90 => AgingBucket.UpTo90,
        <= 180 => AgingBucket.UpTo180,
        <= 365 => AgingBucket.UpTo365,
        _ => AgingBucket.Over365,
    };
}

public enum ContactChannel
{
    [Description("电话")] Phone = 1,
    [Description("短信")] Sms = 2,
    [Description("上门")] Visit = 3,
    [Description("信函")] Letter = 4,
    [Description("微信")] WeChat = 5,
    [Description("经由联络人")] ViaLiaison = 6,
    [Description("经由高校")] ViaUniversity = 7,
}

public enum ContactParty
{
    [Description("借款学生")] Borrower = 1,
    [Description("共同借款人/家长")] CoBorrower = 2,
    [Description("高校")] University = 3,
    [Description("村（居）委会")] VillageCommittee = 4,
    [Description("其他")] Other = 5,
}

public enum ContactResult
{
    [Description("已接通-承诺还款")] Promised = 1,
    [Description("已接通-拒绝还款")] Refused = 2,
    [Description("已接通-经济困难")] Hardship = 3,
    [Description("无人接听")] NoAnswer = 4,
    [Description("停机/空号")] Disconnected = 5,
    [Description("号码错误")] WrongNumber = 6,
    [Description("失联")] Lost = 7,
    [Description("已还款待核实")] PaidToVerify = 8,
    [Description("短信已送达网关")] SmsSent = 9,
    [Description("短信发送失败")] SmsFailed = 10,
    [Description("短信已交平台发送")] SmsHandedOver = 11, // written to the batch file a county's own SMS platform sends
    [Description("信函已寄出")] LetterSent = 12,       // a 还款提醒函 or 逾期催收函 generated and registered as sent
}
