using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Common;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

public enum LedgerLevel { Unit, City, Province }

/// <summary>One line of the figures: a unit, a city group or the province.</summary>
public sealed record LedgerFigureRow(LedgerLevel Level, int? UnitId, string Name, string City, LedgerTotals Totals);

/// <summary>The figures as of a date, with rows per unit, per city or for the province.</summary>
public sealed record LedgerReport(DateOnly AsOf, int Year, IReadOnlyList<LedgerFigureRow> Rows)
{
    /// <summary>罚息及多还 per unit (due and paid by the as-of date), whatever the level of <see cref="Rows"/>.</summary>
    public IReadOnlyList<UnitOverpaid> Overpaid { get; init; } = [];

    /// <summary>What the reader should know about the figures, in Chinese (one line each): the rows paid above their due.</summary>
    public IReadOnlyList<string> Warnings => LedgerTexts.OverpaidWarning(Overpaid).ToList();

    public static readonly string[] Headers =
    [
        "单位", "所属市", "当年应还本息", "当年实还本息", "当年本息回收率", "累计应还本息", "累计逾期本息", "逾期率(金额)",
        "还款期人数", "逾期人数", "逾期率(人数)",
        "1年以内人数", "1年以内金额", "1–2年人数", "1–2年金额", "2–3年人数", "2–3年金额", "3年以上人数", "3年以上金额",
        "回执未按期录入合同数", "未按期毕业确认人数", LedgerTexts.OverpaidRowsColumn, LedgerTexts.OverpaidColumn,
    ];

    /// <summary>Rolls unit totals up to the requested level; units and cities in the province's order.</summary>
    public static LedgerReport Build(DateOnly asOf, int year, IReadOnlyDictionary<int, LedgerTotals> units, UnitResolver registry, LedgerLevel by)
    {
        var ordered = units.OrderBy(u => registry.OrderOf(u.Key)).ToList();
        var rows = new List<LedgerFigureRow>();
        if (by == LedgerLevel.Unit)
            rows.AddRange(ordered.Select(u => new LedgerFigureRow(LedgerLevel.Unit, u.Key, registry.NameOf(u.Key), registry.CityNameOf(u.Key), u.Value)));
        if (by == LedgerLevel.City)
        {
            foreach (var city in ordered.GroupBy(u => registry.CityNameOf(u.Key)))
            {
                var t = new LedgerTotals();
                foreach (var u in city) t.Add(u.Value);
                rows.Add(new LedgerFigureRow(LedgerLevel.City, null, city.Key, city.Key, t));
            }
        }
        var province = new LedgerTotals();
        foreach (var u in ordered) province.Add(u.Value);
        rows.Add(new LedgerFigureRow(LedgerLevel.Province, null, LedgerPageTexts.Province, "", province));
        return new LedgerReport(asOf, year, rows) { Overpaid = OverpaidUnits.Name(units.Select(u => KeyValuePair.Create(u.Key, u.Value.Overpaid)), registry) };
    }

    public static string Rate(decimal? percent) => percent is { } p ? p.ToString("F2", CultureInfo.InvariantCulture) + "%" : "—";

    public IEnumerable<string[]> Cells() => Rows.Select(r =>
    {
        var t = r.Totals;
        var cells = new List<string>
        {
            r.Name, r.City, Yuan.Format(t.YearDue), Yuan.Format(t.YearPaid), Rate(t.YearRecoveryRate),
            Yuan.Format(t.CumulativeDue), Yuan.Format(t.CumulativeOverdue), Rate(t.OverdueRateAmount),
            Num(t.InRepayment), Num(t.Overdue), Rate(t.OverdueRateHeadcount),
        };
        for (var b = 0; b < LedgerTotals.Buckets; b++) { cells.Add(Num(t.BucketBorrowers[b])); cells.Add(Yuan.Format(t.BucketAmount[b])); }
        cells.Add(Num(t.ReceiptMissing));
        cells.Add(Num(t.GraduationUnconfirmed));
        cells.Add(Num(t.Overpaid.Rows));
        cells.Add(Yuan.Format(t.Overpaid.Fen));
        return cells.ToArray();
    });

    public byte[] Write(TableFormat format) => TableWriter.Write(Headers, Cells(), format);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
