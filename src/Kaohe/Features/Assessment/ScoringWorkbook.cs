using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>What an upload wrote; <see cref="Notices"/> name the cells that were not used (computed indicators' points).</summary>
public sealed record WorkbookUploaded(int Units, int Scores, bool Submitted, IReadOnlyList<string> Notices);

/// <summary>
/// The offline scoring workbook: one row per unit and scored indicator, for the units this account
/// scores at this stage, pre-filled with what is already there. Computed indicators come pre-filled
/// with the ledger's points and marked 数据计算（不可修改）, with the data in 台账数据; on upload their 得分
/// is not read. Every cell is checked first; any error rejects the file and nothing is written.
/// </summary>
public sealed class ScoringWorkbook(KaoheDbContext db, ScoreStage score, ScoreFromLedger ledger)
{
    public static readonly ColumnSpec[] Columns =
    [
        new("单位编号", true), new("单位", false), new("指标编号", true), new("指标", false), new("分值", false),
        new("得分", true), new("否决项是否触发", false, "否决"), new("说明", false), new("计分方式", false), new("台账数据", false),
    ];

    public async Task<byte[]> DownloadAsync(int campaignId, Stage stage, UserScope scope, TableFormat format = TableFormat.Xlsx, CancellationToken ct = default)
    {
        var units = await WorkableAsync(campaignId, stage, scope, ct);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var u in units)
        {
            var readings = await ledger.ReadAsync(u, scope, ct);
            var source = u.ResultOf(stage) ?? u.PreviousOf(stage);
            foreach (var leaf in u.Campaign.Scheme!.Leaves)
                rows.Add(Row(u, leaf, source?.Scores.FirstOrDefault(x => x.IndicatorId == leaf.Id), readings.GetValueOrDefault(leaf.Id)));
        }
        return TableWriter.Write(Columns.Select(c => c.Name).ToList(), rows, format);
    }

    private static string[] Row(CampaignUnit u, Indicator leaf, IndicatorScore? s, LedgerReading? reading)
    {
        var veto = leaf.Kind == IndicatorKind.Veto;
        var (points, how, data) = reading switch
        {
            { Points: { } p } => (Num(p), ComputedTexts.ScoredByData, $"截至 {reading.AsOf:yyyy-MM-dd}：{reading.Numbers}；{reading.Scoring}"),
            not null => (s?.Origin == ScoreOrigin.PersonNoData ? Num(s.Points) : "", ComputedTexts.WorkbookNoData, reading.Numbers),
            _ => (veto || s is null ? "" : Num(s.Points), leaf.Kind == IndicatorKind.Computed ? ComputedTexts.NotConfigured : AssessmentTexts.KindName(leaf.Kind), ""),
        };
        return [u.UnitId.ToString(CultureInfo.InvariantCulture), u.Unit.PublishedName, leaf.Code, leaf.Title, veto ? "否决项" : Num(leaf.MaxPoints),
            points, veto ? (s?.VetoHit == true ? "是" : "否") : "", reading?.HasData == true ? "" : s?.Note ?? "", how, data];
    }

    public async Task<WorkbookUploaded> UploadAsync(int campaignId, Stage stage, TabularFile file, bool submit, UserScope scope, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, Columns, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        var units = (await WorkableAsync(campaignId, stage, scope, ct)).ToDictionary(u => u.UnitId);
        var readings = new Dictionary<int, IReadOnlyDictionary<int, LedgerReading>>();
        var entries = new Dictionary<int, List<PointsEntry>>();
        var (seen, notices) = (new HashSet<(int, string)>(), new List<string>());
        foreach (var row in file.Rows)
        {
            if (!int.TryParse(map.Get(row, "单位编号"), out var unitId) || !units.TryGetValue(unitId, out var unit))
            {
                errors.Add(new(row.Number, "单位编号", $"“{map.Get(row, "单位编号")}”不是您在{stage.ChineseName()}阶段可评分的单位"));
                continue;
            }
            if (!readings.ContainsKey(unitId)) (readings[unitId], entries[unitId]) = (await ledger.ReadAsync(unit, scope, ct), []);
            if (!seen.Add((unitId, map.Get(row, "指标编号")))) { errors.Add(new(row.Number, "指标编号", $"指标 {map.Get(row, "指标编号")} 在本文件中重复")); continue; }
            if (WorkbookCell.Parse(row, map, unit.Campaign.Scheme!, readings[unitId], errors, notices) is { } entry) entries[unitId].Add(entry);
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, "文件中没有数据行"));
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (unitId, points) in entries) await score.ApplyAsync(units[unitId], new StageScoring(stage, points, Submit: submit), readings[unitId], scope, ct);
        await tx.CommitAsync(ct);
        return new WorkbookUploaded(entries.Count, entries.Values.Sum(e => e.Count), submit, notices);
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
