using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>
/// A scheme as a table (data/default-scheme.csv, or XLSX): one row per node, the parent given by the
/// code ("1.3.2" is under "1.3"). A category's or indicator's points must equal the sum of its children.
/// A 数据计算 leaf names its ledger source (数据来源) and its points rule (计分规则), see <see cref="DataRuleCheck"/>.
/// </summary>
public static class SchemeFile
{
    public static readonly ColumnSpec[] Columns =
    [
        new("编号", true, "代码"), new("名称", true, "指标"), new("分值", true, "满分"), new("类型", false),
        new(DataRuleCheck.SourceColumn, false, "数据源"), new(DataRuleCheck.RuleColumn, false, "计分方法"),
        new("否决后最高等级", false, "封顶等级"), new("评分说明", false, "评分标准"), new("应备材料", false, "佐证材料"),
    ];

    public static List<Indicator> Parse(TabularFile file)
    {
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, Columns, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        var nodes = new List<Indicator>();
        foreach (var row in file.Rows)
        {
            if (ParseRow(row, map, nodes.Count + 1, errors) is { } node) nodes.Add(node);
        }
        CheckTree(nodes, file, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        return nodes;
    }

    private static Indicator? ParseRow(TabularRow row, ColumnMap map, int order, List<ImportError> errors)
    {
        var code = map.Get(row, "编号");
        var parts = code.Split('.');
        var before = errors.Count;
        if (parts.Length > 3 || parts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            errors.Add(new(row.Number, "编号", AssessmentTexts.CodeForm(code)));
        if (map.Get(row, "名称").Length == 0) errors.Add(new(row.Number, "名称", AssessmentTexts.NameMissing));
        if (!decimal.TryParse(map.Get(row, "分值"), NumberStyles.Number, CultureInfo.InvariantCulture, out var points) || points < 0)
            errors.Add(new(row.Number, "分值", AssessmentTexts.PointsNotNonNegative(map.Get(row, "分值"))));
        var kind = ParseKind(row, map, errors);
        var (source, rule) = kind == 0 ? default : DataRuleCheck.Check(kind, map.Get(row, DataRuleCheck.SourceColumn), map.Get(row, DataRuleCheck.RuleColumn),
            (column, message) => errors.Add(new(row.Number, column, message)));
        var cap = ParseCap(row, map, errors);
        if (errors.Count > before) return null;
        return new Indicator
        {
            Code = code,
            ParentCode = parts.Length == 1 ? null : string.Join('.', parts[..^1]),
            Level = parts.Length,
            Title = map.Get(row, "名称"),
            MaxPoints = points,
            Kind = kind,
            VetoCap = kind == IndicatorKind.Veto ? cap ?? Grade.Fail : null,
            DataSource = source,
            PointsRule = rule,
            Guidance = Blank(map.Get(row, "评分说明")),
            Evidence = Blank(map.Get(row, "应备材料")),
            SortOrder = order,
        };
    }

    private static IndicatorKind ParseKind(TabularRow row, ColumnMap map, List<ImportError> errors)
    {
        var text = map.Get(row, "类型");
        var kind = text.Length == 0 ? IndicatorKind.Scored : Enum.GetValues<IndicatorKind>().FirstOrDefault(k => AssessmentTexts.KindName(k) == text);
        if (kind == 0) errors.Add(new(row.Number, "类型", AssessmentTexts.KindUnknown(text)));
        return kind;
    }

    private static Grade? ParseCap(TabularRow row, ColumnMap map, List<ImportError> errors)
    {
        var text = map.Get(row, "否决后最高等级");
        if (text.Length == 0) return null;
        if (Grades.TryParse(text, out var g)) return g;
        errors.Add(new(row.Number, "否决后最高等级", AssessmentTexts.GradeUnknown(text)));
        return null;
    }

    private static void CheckTree(List<Indicator> nodes, TabularFile file, List<ImportError> errors)
    {
        var rowOf = nodes.Select((n, i) => (n.Code, Row: file.Rows[i].Number)).GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().Row);
        foreach (var dup in nodes.GroupBy(n => n.Code).Where(g => g.Count() > 1))
            errors.Add(new(rowOf[dup.Key], "编号", AssessmentTexts.CodeTwice(dup.Key)));
        foreach (var n in nodes.Where(n => n.ParentCode is not null && nodes.All(p => p.Code != n.ParentCode)))
            errors.Add(new(rowOf[n.Code], "编号", AssessmentTexts.ParentMissing(n.ParentCode!)));
        foreach (var parent in nodes)
        {
            var children = nodes.Where(c => c.ParentCode == parent.Code && c.Kind != IndicatorKind.Veto).ToList();
            if (children.Count > 0 && children.Sum(c => c.MaxPoints) != parent.MaxPoints)
                errors.Add(new(rowOf[parent.Code], "分值", AssessmentTexts.PointsDontAddUp(parent.Title, parent.MaxPoints, children.Sum(c => c.MaxPoints))));
        }
        foreach (var n in nodes.Where(n => n.DataSource is not null && nodes.Any(c => c.ParentCode == n.Code)))
            errors.Add(new(rowOf[n.Code], DataRuleCheck.SourceColumn, ComputedTexts.OnlyLeafComputed));
        if (nodes.Count == 0) errors.Add(new(0, null, AssessmentTexts.NoIndicators));
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    public static byte[] Write(IndicatorScheme scheme, TableFormat format) => TableWriter.Write(
        Columns.Select(c => c.Name).ToList(),
        scheme.Indicators.OrderBy(i => i.SortOrder).Select(i => (IReadOnlyList<string>)
        [
            i.Code, i.Title, i.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture), AssessmentTexts.KindName(i.Kind),
            i.DataSource ?? "", i.PointsRule ?? "", i.VetoCap?.ChineseName() ?? "", i.Guidance ?? "", i.Evidence ?? "",
        ]),
        format);
}
