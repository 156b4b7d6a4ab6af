namespace Kaohe.Domain.Ledger;

/// <summary>
/// The figures of one unit, city or the province as of a date (docs/ledger-figures.md): integer
/// fen and head counts; rates are derived with half-up rounding when printed.
/// </summary>
public sealed class LedgerTotals
{
    public const int Buckets = 4;
    public static readonly string[] BucketNames = ["1年以内", "1–2年", "2–3年", "3年以上"];

    public long YearDue { get; set; }
    public long YearPaid { get; set; }
    public long CumulativeDue { get; set; }
    public long CumulativeOverdue { get; set; }
    public int InRepayment { get; set; }
    public int Overdue { get; set; }
    public int[] BucketBorrowers { get; } = new int[Buckets];
    public long[] BucketAmount { get; } = new long[Buckets];

    /// <summary>Contracts whose 回执 was not entered by 10-10 of their 学年 and that are not 谢绝 or 作废.</summary>
    public int ReceiptMissing { get; set; }

    /// <summary>Borrowers graduating in year Y without 毕业确认 by 06-30 (or by the as-of date, if earlier).</summary>
    public int GraduationUnconfirmed { get; set; }

    /// <summary>罚息及多还 of the instalments due and paid by the as-of date: not in <see cref="YearPaid"/> or any recovery.</summary>
    public Overpaid Overpaid { get; set; }

    public decimal? YearRecoveryRate => Common.Percent.Of(YearPaid, YearDue);
    public decimal? OverdueRateAmount => Common.Percent.Of(CumulativeOverdue, CumulativeDue);
    public decimal? OverdueRateHeadcount => Common.Percent.Of(Overdue, InRepayment);

    /// <summary>Aging bucket of a borrower overdue since <paramref name="days"/> days: 0–365 → 0, 366–730 → 1, 731–1095 → 2, more → 3.</summary>
    public static int BucketOf(int days) => days <= 365 ? 0 : days <= 730 ? 1 : days <= 1095 ? 2 : 3;

    public void AddBorrower(long overdue, int days)
    {
        InRepayment++;
        if (overdue <= 0) return;
        Overdue++;
        var b = BucketOf(days);
        BucketBorrowers[b]++;
        BucketAmount[b] += overdue;
    }

    public void Add(LedgerTotals other)
    {
        YearDue += other.YearDue;
        YearPaid += other.YearPaid;
        CumulativeDue += other.CumulativeDue;
        CumulativeOverdue += other.CumulativeOverdue;
        InRepayment += other.InRepayment;
        Overdue += other.Overdue;
        ReceiptMissing += other.ReceiptMissing;
        GraduationUnconfirmed += other.GraduationUnconfirmed;
        Overpaid = Overpaid.Plus(other.Overpaid);
        for (var b = 0; b < Buckets; b++)
        {
            BucketBorrowers[b] += other.BucketBorrowers[b];
            BucketAmount[b] += other.BucketAmount[b];
        }
    }
}
