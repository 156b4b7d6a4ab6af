using System.Globalization;
using Kaohe.Common.Charts;
using T = Kaohe.Features.Bulletin.BulletinTexts;

namespace Kaohe.Features.Bulletin;

/// <summary>A piece of the bulletin, laid out once and rendered by each generator in its own medium.</summary>
public abstract record BulletinBlock;

public sealed record BulletinHeading(string Text, int Level) : BulletinBlock;

public sealed record BulletinParagraph(string Text) : BulletinBlock;

/// <summary>A table; <see cref="NumericFrom"/> is the first right-aligned column.</summary>
public sealed record BulletinTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, int NumericFrom) : BulletinBlock;

public sealed record BulletinChart(ChartSpec Spec) : BulletinBlock;

/// <summary>The bulletin's content in reading order: title, sections, tables, chart, requirements, signature.</summary>
public sealed record BulletinLayout(string Title, string AsOfLine, IReadOnlyList<BulletinBlock> Blocks, string Issuer, string IssuedOn)
{
    private const int Named = 5; // how many best and worst units the text names

    public static BulletinLayout Of(BulletinModel m)
    {
        var blocks = new List<BulletinBlock> { new BulletinParagraph(T.Opening(m.AsOf)) };
        blocks.Add(new BulletinHeading(T.Section1, 1));
        blocks.Add(new BulletinParagraph(T.Overall(m.Year, m.AsOf, m.Province)));

        blocks.Add(new BulletinHeading(T.Section2, 1));
        blocks.Add(new BulletinTable(T.CityHeaders, m.Cities.Select((c, i) => CityRow(i + 1, c)).ToList(), 2));
        blocks.Add(new BulletinChart(CityChart(m)));

        var recovery = m.RankedByRecovery();
        blocks.Add(new BulletinHeading(T.Section3, 1));
        AddBestAndWorst(blocks, recovery, T.RecoveryBest, T.RecoveryWorst);
        blocks.Add(new BulletinTable(T.RecoveryHeaders, recovery.Select(RecoveryRow).ToList(), 3));

        var overdue = m.RankedByOverdue();
        blocks.Add(new BulletinHeading(T.Section4, 1));
        AddBestAndWorst(blocks, overdue, T.OverdueBest, T.OverdueWorst);
        blocks.Add(new BulletinTable(T.OverdueHeaders, overdue.Select(OverdueRow).ToList(), 3));
        blocks.Add(new BulletinParagraph(T.RankNote));
        if (m.Unranked() is { Count: > 0 } none) blocks.Add(new BulletinParagraph(T.NothingDue(none.Select(u => u.Name))));

        blocks.Add(new BulletinHeading(T.Section5, 1));
        var index = 0;
        foreach (var city in m.Cities.Where(c => c.Units.Count > 0))
        {
            blocks.Add(new BulletinHeading(T.CityHeading(++index, city.Name), 2));
            blocks.Add(new BulletinTable(T.UnitHeaders, [.. city.Units.Select(u => UnitRow(u.Name, u.Figures)), UnitRow(T.Total, city.Figures)], 1));
        }

        blocks.Add(new BulletinHeading(T.Section6, 1));
        if (m.Collection is { Count: > 0 } work)
        {
            blocks.Add(new BulletinParagraph(T.CollectionOverall(m.IssuedOn, work.Count, work.Sum(u => u.OpenCases), work.Sum(u => u.OverdueYuan),
                work.Sum(u => u.NeverContacted), work.Sum(u => u.ContactedLast30Days), work.Sum(u => u.Lost))));
            blocks.Add(new BulletinTable(T.CollectionHeaders, work.Select(CollectionRow).ToList(), 2));
        }
        else blocks.Add(new BulletinParagraph(T.NoCollection));

        blocks.Add(new BulletinHeading(T.Section7, 1));
        blocks.AddRange(T.Requirements.Select(r => new BulletinParagraph(r)));
        if (m.ChainHead is { } head) blocks.Add(new BulletinParagraph(T.ChainHead(head.Id, head.Hash)));
        return new BulletinLayout(T.Title(m.Year), T.AsOfLine(m.AsOf), blocks, m.Issuer, T.Date(m.IssuedOn));
    }

    public static ChartSpec CityChart(BulletinModel m) => new(
        "bulletin-city-chart", T.CityChart, m.Cities.Select(c => c.Name).ToList(),
        [
            new ChartSeries(T.RecoverySeries, m.Cities.Select(c => c.Figures.RecoveryRate).ToList()),
            new ChartSeries(T.OverdueSeries, m.Cities.Select(c => c.Figures.OverdueRate).ToList()),
        ],
        LeftAxis: T.RateAxis);

    // Names the best and the worst few; with fewer than two ranked units there is nothing to contrast.
    private static void AddBestAndWorst(List<BulletinBlock> blocks, IReadOnlyList<RankedUnit> ranked, string best, string worst)
    {
        var n = Math.Min(Named, ranked.Count / 2);
        if (n == 0) return;
        blocks.Add(new BulletinParagraph(T.Named(best, ranked.Take(n).Select(r => r.Unit.Name))));
        blocks.Add(new BulletinParagraph(T.Named(worst, ranked.TakeLast(n).Select(r => r.Unit.Name))));
    }

    private static string[] CityRow(int i, BulletinCity c) =>
    [
        i.ToString(CultureInfo.InvariantCulture), c.Name, T.Yuan(c.Figures.DueThisYear), T.Yuan(c.Figures.PaidThisYear), T.Rate(c.Figures.RecoveryRate),
        T.Yuan(c.Figures.CumulativeOverdue), T.Rate(c.Figures.OverdueRate), Count(c.Figures.OverdueBorrowers), T.Rate(c.Figures.OverdueHeadcountRate),
    ];

    private static string[] RecoveryRow(RankedUnit r) =>
        [Count(r.Rank), r.Unit.Name, r.Unit.City, T.Yuan(r.Unit.Figures.DueThisYear), T.Yuan(r.Unit.Figures.PaidThisYear), T.Rate(r.Rate)];

    private static string[] OverdueRow(RankedUnit r) =>
    [
        Count(r.Rank), r.Unit.Name, r.Unit.City, T.Yuan(r.Unit.Figures.CumulativeDue), T.Yuan(r.Unit.Figures.CumulativeOverdue), T.Rate(r.Rate),
        Count(r.Unit.Figures.OverdueBorrowers), T.Rate(r.Unit.Figures.OverdueHeadcountRate),
    ];

    private static string[] CollectionRow(BulletinCollection u) =>
    [
        u.Name, u.City, Count(u.OpenCases), T.Yuan(u.OverdueYuan), Count(u.NeverContacted), Count(u.ContactedLast30Days), T.Rate(u.ContactedShare),
        Count(u.PromisesMade), T.Rate(u.KeptShare), Count(u.Lost),
    ];

    private static string[] UnitRow(string name, BulletinFigures f) =>
    [
        name, T.Yuan(f.DueThisYear), T.Yuan(f.PaidThisYear), T.Rate(f.RecoveryRate), T.Yuan(f.CumulativeOverdue), T.Rate(f.OverdueRate),
        Count(f.BorrowersInRepayment), Count(f.OverdueBorrowers), T.Rate(f.OverdueHeadcountRate),
    ];

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
