using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Common;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kaohe.Features.Notices;

public sealed record GradeChange(string City, string Unit, Grade Before, Grade After);

/// <summary>One city group's counts per grade (notice order) in two years, with 优秀率 each year.</summary>
public sealed record CityComparison(string City, IReadOnlyList<int> Before, IReadOnlyList<int> After)
{
    public int BeforeTotal => Before.Sum();
    public int AfterTotal => After.Sum();
    public string BeforeRate => Percent.Format(Before[0], BeforeTotal);
    public string AfterRate => Percent.Format(After[0], AfterTotal);
}

public sealed record YearComparison(int Year, int PreviousYear, IReadOnlyList<GradeChange> Rose, IReadOnlyList<GradeChange> Fell,
    IReadOnlyList<CityComparison> Cities, CityComparison Province);

/// <summary>A year against the latest sealed year before it: units whose grade rose or fell, and each city's counts side by side.</summary>
public sealed class CompareYears(KaoheDbContext db)
{
    private sealed record Row(int UnitId, string City, int CityOrder, int UnitOrder, string Unit, Grade Grade);

    public async Task<YearComparison> HandleAsync(int year, UserScope scope, CancellationToken ct = default)
    {
        var current = await NoticeNarrative.CampaignAsync(db, year, ct);
        var previous = await db.Campaigns.AsNoTracking().Where(c => c.Year < year && c.Status == CampaignStatus.Sealed)
            .OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound(ResultsTexts.NoPreviousYear(year));
        var after = await RowsAsync(current.Id, scope, ct);
        var before = (await RowsAsync(previous.Id, scope, ct)).ToDictionary(r => r.UnitId);
        var changes = after.Where(r => before.TryGetValue(r.UnitId, out var b) && b.Grade != r.Grade)
            .Select(r => new GradeChange(r.City, r.Unit, before[r.UnitId].Grade, r.Grade)).ToList();
        var cities = after.Concat(before.Values).GroupBy(r => (r.CityOrder, r.City)).OrderBy(g => g.Key.CityOrder)
            .Select(g => Counts(g.Key.City, before.Values.Where(r => r.City == g.Key.City), after.Where(r => r.City == g.Key.City))).ToList();
        return new YearComparison(year, previous.Year, changes.Where(c => c.After < c.Before).ToList(), changes.Where(c => c.After > c.Before).ToList(),
            cities, Counts(ResultsTexts.Province, before.Values, after));
    }

    private static CityComparison Counts(string city, IEnumerable<Row> before, IEnumerable<Row> after) =>
        new(city, Grades.InNoticeOrder.Select(g => before.Count(r => r.Grade == g)).ToList(), Grades.InNoticeOrder.Select(g => after.Count(r => r.Grade == g)).ToList());

    private async Task<List<Row>> RowsAsync(int campaignId, UserScope scope, CancellationToken ct)
    {
        var visible = db.UnitIdsVisibleTo(scope);
        return await db.CampaignUnits.AsNoTracking().Where(cu => cu.CampaignId == campaignId && cu.FinalGrade != null && visible.Contains(cu.UnitId))
            .OrderBy(cu => cu.Unit.CityGroup.SortOrder).ThenBy(cu => cu.Unit.SortOrder)
            .Select(cu => new Row(cu.UnitId, cu.Unit.CityGroup.Name, cu.Unit.CityGroup.SortOrder, cu.Unit.SortOrder, cu.Unit.PublishedName, cu.FinalGrade!.Value))
            .ToListAsync(ct);
    }

    /// <summary>Two sheets: 等级变化 (every unit that rose or fell) and 各市对比 (counts and 优秀率 of both years).</summary>
    public static byte[] Xlsx(YearComparison c)
    {
        var changes = c.Rose.Select(x => (x, ResultsTexts.Rose)).Concat(c.Fell.Select(x => (x, ResultsTexts.Fell))).Select(t => new Dictionary<string, object>
        {
            ["所属市"] = t.x.City,
            ["单位"] = t.x.Unit,
            [$"{c.PreviousYear}等级"] = t.x.Before.ChineseName(),
            [$"{c.Year}等级"] = t.x.After.ChineseName(),
            ["变化"] = t.Item2,
        }).ToList();
        var cities = c.Cities.Append(c.Province).Select(x =>
        {
            var row = new Dictionary<string, object> { ["所属市"] = x.City };
            foreach (var (year, counts, total, rate) in new[] { (c.PreviousYear, x.Before, x.BeforeTotal, x.BeforeRate), (c.Year, x.After, x.AfterTotal, x.AfterRate) })
            {
                for (var i = 0; i < Grades.InNoticeOrder.Count; i++) row[$"{year}{Grades.InNoticeOrder[i].ChineseName()}"] = counts[i];
                row[$"{year}单位数"] = total;
                row[$"{year}优秀率"] = rate;
            }
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["等级变化"] = changes, ["各市对比"] = cities });
        return stream.ToArray();
    }
}
