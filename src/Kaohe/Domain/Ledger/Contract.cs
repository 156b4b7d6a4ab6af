using Kaohe.Domain.Audit;

namespace Kaohe.Domain.Ledger;

/// <summary>合同状态 as the bank system exports it.</summary>
public enum ContractStatus
{
    Normal = 1,    // 正常
    Declined = 2,  // 谢绝
    Void = 3,      // 作废
    Settled = 4,   // 结清
}

/// <summary>One row of the 合同台账 (one contract of one 学年). ID and phone numbers are stored encrypted.</summary>
[NotAudited]
public sealed class Contract
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }
    public int UnitId { get; set; }
    public required string ContractNumber { get; set; }

    /// <summary>学年: the calendar year the school year starts (2018 for 2018-2019).</summary>
    public int SchoolYear { get; set; }

    public long BorrowerKey { get; set; }

    [AuditRedacted]
    public required byte[] IdNumberCipher { get; set; }

    public required string BorrowerName { get; set; }
    public string? CoBorrowerName { get; set; }

    [AuditRedacted]
    public byte[]? CoBorrowerIdNumberCipher { get; set; }

    [AuditRedacted]
    public byte[]? PhoneCipher { get; set; }

    public string? University { get; set; }

    /// <summary>学制 in years (3 for 专科, 4 or 5 for 本科 …).</summary>
    public int StudyYears { get; set; }

    public int EnrolmentYear { get; set; }
    public long AmountFen { get; set; }
    public ContractStatus Status { get; set; }

    /// <summary>回执录入日期: when the university entered the receipt code (due by 10-10 of the 学年).</summary>
    public DateOnly? ReceiptEnteredOn { get; set; }

    /// <summary>毕业确认日期 (due by 06-30 of the graduation year).</summary>
    public DateOnly? GraduationConfirmedOn { get; set; }

    /// <summary>The year the student graduates: 入学年份 + 学制.</summary>
    public int GraduationYear => EnrolmentYear + StudyYears;
}
