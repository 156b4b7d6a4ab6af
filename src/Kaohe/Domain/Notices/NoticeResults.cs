using Kaohe.Domain.Assessment;
using Kaohe.Domain.Common;

namespace Kaohe.Domain.Notices;

/// <summary>One graded unit as the annex needs it: its group and place in the province's order, and its published name.</summary>
public sealed record GradedUnit(Grade Grade, string City, int CitySortOrder, int UnitSortOrder, string PublishedName);

/// <summary>"郑州市：二七区、中原区、…、航空港区。" — one city's line under one grade.</summary>
public sealed record AnnexCity(string City, IReadOnlyList<string> Units)
{
    public string Line => NoticeResultsTexts.AnnexLine(City, Units);
}

/// <summary>"一、考核优秀单位" with its city lines; no cities means the notice prints "无".</summary>
public sealed record AnnexGrade(Grade Grade, string Heading, IReadOnlyList<AnnexCity> Cities)
{
    public const string Empty = NoticeResultsTexts.Empty;
}

/// <summary>The counts behind 二、考核结果 and the annex, built from a campaign's final grades.</summary>
public sealed record NoticeResults(int Total, IReadOnlyDictionary<Grade, int> Counts, IReadOnlyList<AnnexGrade> Annex)
{
    public int Count(Grade g) => Counts.TryGetValue(g, out var n) ? n : 0;

    public string ExcellentRate => Percent.Format(Count(Grade.Excellent), Total);

    /// <summary>The sentence of 二、考核结果 exactly as the 2018 notice words it (<see cref="NoticeResultsTexts.Sentence"/>).</summary>
    public string Sentence =>
        NoticeResultsTexts.Sentence(Total, Count(Grade.Excellent), Count(Grade.Good), Count(Grade.Pass), Count(Grade.Fail), ExcellentRate);

    /// <summary>Grades in notice order; cities in the province's order; units in the order the province sets.</summary>
    public static NoticeResults From(IEnumerable<GradedUnit> units)
    {
        var all = units.ToList();
        var annex = Grades.InNoticeOrder.Select((grade, i) => new AnnexGrade(grade, NoticeResultsTexts.AnnexHeading(i, grade),
            all.Where(u => u.Grade == grade)
                .GroupBy(u => (u.CitySortOrder, u.City)).OrderBy(g => g.Key.CitySortOrder)
                .Select(g => new AnnexCity(g.Key.City, g.OrderBy(u => u.UnitSortOrder).Select(u => u.PublishedName).ToList()))
                .ToList())).ToList();
        var counts = Grades.InNoticeOrder.ToDictionary(g => g, g => all.Count(u => u.Grade == g));
        return new NoticeResults(all.Count, counts, annex);
    }
}
