using Kaohe.Domain.Common;

namespace Kaohe.Features.Bulletin;

/// <summary>The figures a bulletin prints for one unit, city or the province; amounts in yuan, exact.</summary>
public sealed record BulletinFigures(
    decimal DueThisYear, decimal PaidThisYear, decimal CumulativeDue, decimal CumulativeOverdue,
    int BorrowersInRepayment, int OverdueBorrowers)
{
    public static readonly BulletinFigures Empty = new(0, 0, 0, 0, 0, 0);

    /// <summary>当年本息回收率 = 当年实还本息 ÷ 当年应还本息, percent half-up to 2 places.</summary>
    public decimal? RecoveryRate => Percent.Of(PaidThisYear, DueThisYear);

    /// <summary>逾期率(金额) = 累计逾期本息 ÷ 累计应还本息.</summary>
    public decimal? OverdueRate => Percent.Of(CumulativeOverdue, CumulativeDue);

    /// <summary>逾期率(人数) = 逾期人数 ÷ 还款期人数.</summary>
    public decimal? OverdueHeadcountRate => Percent.Of(OverdueBorrowers, BorrowersInRepayment);

    public static BulletinFigures Sum(IEnumerable<BulletinFigures> parts) => parts.Aggregate(Empty, (a, b) => new(
        a.DueThisYear + b.DueThisYear, a.PaidThisYear + b.PaidThisYear, a.CumulativeDue + b.CumulativeDue,
        a.CumulativeOverdue + b.CumulativeOverdue, a.BorrowersInRepayment + b.BorrowersInRepayment, a.OverdueBorrowers + b.OverdueBorrowers));
}

/// <summary>One unit's line; <see cref="Order"/> is the province's fixed order (city, then unit), the last tie-break.</summary>
public sealed record BulletinUnit(string Name, string City, int Order, BulletinFigures Figures);

public sealed record BulletinCity(string Name, BulletinFigures Figures, IReadOnlyList<BulletinUnit> Units);

public sealed record RankedUnit(int Rank, BulletinUnit Unit, decimal Rate);

/// <summary>One unit's collection work (逾期催收与留痕) in the bulletin, as the collection desk counts it today.</summary>
public sealed record BulletinCollection(string Name, string City, int OpenCases, decimal OverdueYuan, int NeverContacted, int ContactedLast30Days,
    decimal? ContactedShare, int PromisesMade, decimal? KeptShare, int Lost);

/// <summary>
/// Everything a 回收数据通报 says, for one as-of date. Built from the ledger's figures; the three
/// generators (HTML, Word, PDF) only lay it out. Cities come in the province's fixed order.
/// </summary>
/// <param name="Collection">The units' collection work as of <paramref name="IssuedOn"/> (cases are kept current, not dated).</param>
public sealed record BulletinModel(int Year, DateOnly AsOf, DateOnly IssuedOn, string Issuer, BulletinFigures Province, IReadOnlyList<BulletinCity> Cities,
    IReadOnlyList<BulletinCollection>? Collection = null, Data.AuditHead? ChainHead = null)
{
    public IEnumerable<BulletinUnit> Units => Cities.SelectMany(c => c.Units);

    /// <summary>Units with an amount due this year, best (highest) 当年本息回收率 first; equal rates share a rank.</summary>
    public IReadOnlyList<RankedUnit> RankedByRecovery() =>
        Rank(Units.Where(u => u.Figures.RecoveryRate is not null), u => u.Figures.RecoveryRate!.Value, descending: true);

    /// <summary>Units with an amount due so far, best (lowest) 逾期率(金额) first; equal rates share a rank.</summary>
    public IReadOnlyList<RankedUnit> RankedByOverdue() =>
        Rank(Units.Where(u => u.Figures.OverdueRate is not null), u => u.Figures.OverdueRate!.Value, descending: false);

    /// <summary>Units with nothing due at all by the as-of date: listed, never ranked.</summary>
    public IReadOnlyList<BulletinUnit> Unranked() => Units.Where(u => u.Figures.CumulativeDue == 0).OrderBy(u => u.Order).ToList();

    // Competition ranking (1, 2, 2, 4): the printed rate decides, so two units showing 98.50% share a place.
    private static List<RankedUnit> Rank(IEnumerable<BulletinUnit> units, Func<BulletinUnit, decimal> rate, bool descending)
    {
        var ordered = (descending ? units.OrderByDescending(rate) : units.OrderBy(rate)).ThenBy(u => u.Order).ToList();
        var result = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = rate(ordered[i]);
            var rank = i > 0 && result[i - 1].Rate == r ? result[i - 1].Rank : i + 1;
            result.Add(new RankedUnit(rank, ordered[i], r));
        }
        return result;
    }
}
