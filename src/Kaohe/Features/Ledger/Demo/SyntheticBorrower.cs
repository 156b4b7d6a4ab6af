using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>How a synthetic borrower repays: most on time, some early, late, in part, or not at all from some year on.</summary>
public enum PayerKind { OnTime, Early, Late, Partial, Defaulter }

/// <summary>One contract's yearly instalment in a synthetic schedule (fen; paid date null when nothing is paid).</summary>
public readonly record struct SyntheticInstalment(DateOnly Due, long Principal, long Interest, long PaidPrincipal, long PaidInterest, DateOnly? Paid);

/// <summary>
/// A synthetic student and the schedules of the loans under the 2018 rules (DOMAIN.md §3): one
/// contract per school year of at most 8,000 yuan; term 学制 + 13 years (≤ 20) ending 13 years
/// after graduation; 3 grace years paying interest only; due 12-20 yearly; 4.9% a year.
/// </summary>
public sealed record SyntheticBorrower(string IdNumber, string Name, int EnrolmentYear, int StudyYears, long[] YearlyAmountFen, PayerKind Payer, int DefaultFromYear)
{
    public const int RatePerMille = 49;
    public int GraduationYear => EnrolmentYear + StudyYears;

    public static string MakeIdNumber(string areaCode, DateOnly birth, int sequence)
    {
        var first17 = $"{areaCode}{birth:yyyyMMdd}{sequence % 1000:D3}";
        Span<byte> b = stackalloc byte[17];
        for (var i = 0; i < 17; i++) b[i] = (byte)first17[i];
        return first17 + (char)Domain.Ledger.IdNumber.CheckCharacter(b);
    }

    /// <summary>The schedule of the contract of study year <paramref name="index"/> as the bank would export it on <paramref name="exportDate"/>.</summary>
    public IEnumerable<SyntheticInstalment> Schedule(int index, DateOnly exportDate, Random random)
    {
        var principal = YearlyAmountFen[index];
        var g = GraduationYear;
        var termYears = Math.Min(StudyYears - index + 13, 20);
        var lastYear = EnrolmentYear + index + termYears;
        var principalYears = lastYear - (g + 3) + 1;
        var outstanding = principal;
        for (var year = g; year <= lastYear; year++)
        {
            var due = new DateOnly(year, 12, 20);
            var interest = (outstanding * RatePerMille + 500) / 1000;
            var part = year < g + 3 ? 0 : year == lastYear ? outstanding : principal / principalYears;
            outstanding -= part;
            yield return Pay(due, part, interest, exportDate, random);
        }
    }

    private SyntheticInstalment Pay(DateOnly due, long principal, long interest, DateOnly export, Random random)
    {
        var kind = Payer == PayerKind.Defaulter && due.Year >= DefaultFromYear ? PayerKind.Defaulter : Payer;
        DateOnly? paid = kind switch
        {
            PayerKind.OnTime => due.AddDays(-random.Next(0, 5)),
            PayerKind.Early => due.AddDays(-random.Next(30, 300)),
            PayerKind.Late => due.AddDays(random.Next(1, 500)),
            PayerKind.Partial => due.AddDays(random.Next(-3, 60)),
            _ => null,
        };
        if (paid is not { } p || p > export) return new(due, principal, interest, 0, 0, null);
        if (kind == PayerKind.Partial && random.Next(3) > 0)
        {
            var share = random.Next(20, 90);
            return new(due, principal, interest, principal * share / 100, interest, p);
        }
        return new(due, principal, interest, principal, interest, p);
    }
}
