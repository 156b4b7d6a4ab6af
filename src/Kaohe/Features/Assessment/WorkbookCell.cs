using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>Checks one workbook row against the scheme, with a Chinese message per bad cell.</summary>
internal static class WorkbookCell
{
    /// <summary>
    /// The entry a row gives, or null. A computed indicator the ledger scores gives none: a changed 得分 is not used,
    /// and <paramref name="notices"/> says so; where the ledger has no data it is scored like any other, with a note.
    /// </summary>
    public static PointsEntry? Parse(TabularRow row, ColumnMap map, IndicatorScheme scheme, IReadOnlyDictionary<int, LedgerReading> readings,
        List<ImportError> errors, List<string> notices)
    {
        var code = map.Get(row, "指标编号");
        var leaf = scheme.Leaves.FirstOrDefault(l => l.Code == code);
        if (leaf is null) { errors.Add(new(row.Number, "指标编号", AssessmentTexts.NotScorableCell(code))); return null; }
        var note = map.Get(row, "说明");
        if (leaf.Kind == IndicatorKind.Veto) return Veto(row, map, code, note, errors);
        var text = map.Get(row, "得分");
        if (leaf.IsComputedFromData && readings.TryGetValue(leaf.Id, out var reading) && reading.Points is { } computed)
        {
            if (text.Length > 0 && !(decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var typed) && typed == computed))
                notices.Add(ComputedTexts.WorkbookIgnored(row.Number, code, computed, text));
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
        {
            errors.Add(new(row.Number, "得分", text.Length == 0 ? AssessmentTexts.NoPoints(code) : AssessmentTexts.NotNumber(text)));
            return null;
        }
        if (points < 0 || points > leaf.MaxPoints) { errors.Add(new(row.Number, "得分", AssessmentTexts.PointsOutOfRange(code, leaf.MaxPoints))); return null; }
        if (leaf.IsComputedFromData && note.Length == 0) { errors.Add(new(row.Number, "说明", ComputedTexts.NoDataNeedsNote(code))); return null; }
        return new PointsEntry(code, points, false, note);
    }

    private static PointsEntry? Veto(TabularRow row, ColumnMap map, string code, string note, List<ImportError> errors)
    {
        var hit = map.Get(row, "否决项是否触发");
        if (hit is not ("是" or "否" or "")) { errors.Add(new(row.Number, "否决项是否触发", AssessmentTexts.YesOrNo(hit))); return null; }
        return new PointsEntry(code, 0, hit == "是", note);
    }
}
