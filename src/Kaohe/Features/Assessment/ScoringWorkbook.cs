using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record WorkbookUploaded(int Units, int Scores, bool Submitted);

/// <summary>
/// The offline scoring workbook: one row per unit and scored indicator, for the units this account
/// scores at this stage, pre-filled with what is already there. On upload every cell is checked
/// first; any error rejects the file and nothing is written.
/// </summary>
public sealed class ScoringWorkbook(KaoheDbContext db, ScoreStage score)
{
    public static readonly ColumnSpec[] Columns =
    [
        new("单位编号", true), new("单位", false), new("指标编号", true), new("指标", false), new("分值", false),
        new("得分", true), new("否决项是否触发", false, "否决"), new("说明", false),
    ];

    public async Task<byte[]> DownloadAsync(int campaignId, Stage stage, UserScope scope, TableFormat format = TableFormat.Xlsx, CancellationToken ct = default)
    {
        var units = await WorkableAsync(campaignId, stage, scope, ct);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var u in units)
        {
            var scheme = u.Campaign.Scheme!;
            var source = u.ResultOf(stage) ?? u.PreviousOf(stage);
            foreach (var leaf in scheme.Leaves)
            {
                var s = source?.Scores.FirstOrDefault(x => x.IndicatorId == leaf.Id);
                var veto = leaf.Kind == IndicatorKind.Veto;
                rows.Add([u.UnitId.ToString(CultureInfo.InvariantCulture), u.Unit.PublishedName, leaf.Code, leaf.Title, veto ? "否决项" : Num(leaf.MaxPoints),
                    veto || s is null ? "" : Num(s.Points), veto ? (s?.VetoHit == true ? "是" : "否") : "", s?.Note ?? ""]);
            }
        }
        return TableWriter.Write(Columns.Select(c => c.Name).ToList(), rows, format);
    }

    public async Task<WorkbookUploaded> UploadAsync(int campaignId, Stage stage, TabularFile file, bool submit, UserScope scope, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, Columns, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        var units = (await WorkableAsync(campaignId, stage, scope, ct)).ToDictionary(u => u.UnitId);
        var entries = new Dictionary<int, List<PointsEntry>>();
        var seen = new HashSet<(int, string)>();
        foreach (var row in file.Rows)
        {
            if (!int.TryParse(map.Get(row, "单位编号"), out var unitId) || !units.TryGetValue(unitId, out var unit))
            {
                errors.Add(new(row.Number, "单位编号", $"“{map.Get(row, "单位编号")}”不是您在{stage.ChineseName()}阶段可评分的单位"));
                continue;
            }
            if (WorkbookCell.Parse(row, map, unit.Campaign.Scheme!, errors) is not { } entry) continue;
            if (!seen.Add((unitId, entry.Code))) { errors.Add(new(row.Number, "指标编号", $"指标 {entry.Code} 在本文件中重复")); continue; }
            (entries.TryGetValue(unitId, out var list) ? list : entries[unitId] = []).Add(entry);
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, "文件中没有数据行"));
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (unitId, points) in entries) await score.HandleAsync(campaignId, unitId, new StageScoring(stage, points, Submit: submit), scope, ct);
        await tx.CommitAsync(ct);
        return new WorkbookUploaded(entries.Count, entries.Values.Sum(e => e.Count), submit);
    }

    /// <summary>The units this account may score at this stage now (in scope, at this step, and for an expert assigned in this campaign).</summary>
    private async Task<List<CampaignUnit>> WorkableAsync(int campaignId, Stage stage, UserScope scope, CancellationToken ct)
    {
        if (!StageRoles.MayScore(scope.Role, stage)) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var visible = db.UnitIdsVisibleTo(scope);
        var ids = await db.CampaignUnits.Where(u => u.CampaignId == campaignId && visible.Contains(u.UnitId) && (int)u.Step == (int)stage)
            .Where(u => scope.Role != Role.Expert || db.ExpertAssignments.Any(a => a.CampaignId == campaignId && a.UnitId == u.UnitId && a.ExpertUserId == scope.UserId))
            .OrderBy(u => u.Unit.CityGroup.SortOrder).ThenBy(u => u.Unit.SortOrder).Select(u => u.UnitId).ToListAsync(ct);
        var units = new List<CampaignUnit>();
        foreach (var id in ids) units.Add(await CampaignUnits.LoadAsync(db, campaignId, id, scope, ct));
        return units;
    }

    private static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Checks one workbook row against the scheme, with a Chinese message per bad cell.</summary>
internal static class WorkbookCell
{
    public static PointsEntry? Parse(TabularRow row, ColumnMap map, IndicatorScheme scheme, List<ImportError> errors)
    {
        var code = map.Get(row, "指标编号");
        var leaf = scheme.Leaves.FirstOrDefault(l => l.Code == code);
        if (leaf is null) { errors.Add(new(row.Number, "指标编号", $"“{code}”不是可评分的指标")); return null; }
        var note = map.Get(row, "说明");
        if (leaf.Kind == IndicatorKind.Veto)
        {
            var hit = map.Get(row, "否决项是否触发");
            if (hit is not ("是" or "否" or "")) { errors.Add(new(row.Number, "否决项是否触发", $"“{hit}”应填 是 或 否")); return null; }
            return new PointsEntry(code, 0, hit == "是", note);
        }
        var text = map.Get(row, "得分");
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
        {
            errors.Add(new(row.Number, "得分", text.Length == 0 ? $"指标 {code} 未填得分" : $"“{text}”不是数字"));
            return null;
        }
        if (points < 0 || points > leaf.MaxPoints) { errors.Add(new(row.Number, "得分", AssessmentTexts.PointsOutOfRange(code, leaf.MaxPoints))); return null; }
        return new PointsEntry(code, points, false, note);
    }
}
