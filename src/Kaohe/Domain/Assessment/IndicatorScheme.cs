namespace Kaohe.Domain.Assessment;

/// <summary>What an indicator is: scored by people, computed from data (its points come from a data source by a rule), or a veto item.</summary>
public enum IndicatorKind
{
    Scored = 1,   // 人工评分
    Computed = 2, // 数据计算
    Veto = 3,     // 一票否决
}

/// <summary>
/// One version of a 考核指标体系: a tree of categories, indicators and optional sub-items, and the
/// grade rules that go with it. Once a campaign uses a version it is never edited: a change makes
/// the next version (as Open edX treats a rubric that has been used).
/// </summary>
public sealed class IndicatorScheme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; } = 1;
    public DateTime CreatedAtUtc { get; set; }
    public decimal ExcellentMin { get; set; } = GradeRules.Default.ExcellentMin;
    public decimal GoodMin { get; set; } = GradeRules.Default.GoodMin;
    public decimal PassMin { get; set; } = GradeRules.Default.PassMin;

    /// <summary>At most this percentage of a city's units may be 优秀; null: no quota.</summary>
    public decimal? ExcellentQuotaPercent { get; set; }

    /// <summary>A stage total further than this from the previous stage's needs a written reason.</summary>
    public decimal MaxGapWithoutReason { get; set; } = 10m;

    public List<Indicator> Indicators { get; set; } = [];

    public GradeRules Rules => new(ExcellentMin, GoodMin, PassMin, ExcellentQuotaPercent);

    /// <summary>The items that carry scores: indicators without sub-items, and sub-items.</summary>
    public IEnumerable<Indicator> Leaves => Indicators.Where(i => i.Level > 1 && !Indicators.Any(c => c.ParentCode == i.Code)).OrderBy(i => i.SortOrder);

    public decimal MaxTotal => Leaves.Where(i => i.Kind != IndicatorKind.Veto).Sum(i => i.MaxPoints);

    /// <summary>A copy as the next version, for editing a scheme that a campaign has already used.</summary>
    public IndicatorScheme NextVersion(DateTime nowUtc) => new()
    {
        Name = Name,
        Version = Version + 1,
        CreatedAtUtc = nowUtc,
        ExcellentMin = ExcellentMin,
        GoodMin = GoodMin,
        PassMin = PassMin,
        ExcellentQuotaPercent = ExcellentQuotaPercent,
        MaxGapWithoutReason = MaxGapWithoutReason,
        Indicators = Indicators.Select(i => i.Copy()).ToList(),
    };
}

/// <summary>A node of the scheme: level 1 category, 2 indicator, 3 sub-item; codes "1", "1.2", "1.2.3".</summary>
public sealed class Indicator
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public int Level { get; set; }
    public required string Title { get; set; }
    public decimal MaxPoints { get; set; }
    public IndicatorKind Kind { get; set; } = IndicatorKind.Scored;

    /// <summary>For a veto item: the best grade a unit can get when it is hit.</summary>
    public Grade? VetoCap { get; set; }

    /// <summary>For a computed indicator: the ledger indicator code its value comes from (e.g. ledger.overdue-rate).</summary>
    public string? DataSource { get; set; }

    /// <summary>For a computed indicator: how the value becomes points, in the canonical text of <see cref="Assessment.PointsRule"/>.</summary>
    public string? PointsRule { get; set; }

    public string? Guidance { get; set; }
    public string? Evidence { get; set; }
    public int SortOrder { get; set; }

    /// <summary>
    /// Points come from data, not from people. A 数据计算 indicator of an older scheme version without a source or rule
    /// (before computed indicators were wired) is still scored by people.
    /// </summary>
    public bool IsComputedFromData => Kind == IndicatorKind.Computed && DataSource is not null && PointsRule is not null;

    public Indicator Copy() => new()
    {
        Code = Code,
        ParentCode = ParentCode,
        Level = Level,
        Title = Title,
        MaxPoints = MaxPoints,
        Kind = Kind,
        VetoCap = VetoCap,
        DataSource = DataSource,
        PointsRule = PointsRule,
        Guidance = Guidance,
        Evidence = Evidence,
        SortOrder = SortOrder,
    };
}
