using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>What an upload wrote; <see cref="Notices"/> name the cells that were not used (computed indicators' points).</summary>
public sealed record WorkbookUploaded(int Units, int Scores, bool Submitted, IReadOnlyList<string> Notices);

/// <summary>
/// Reads a filled-in scoring workbook (<see cref="ScoringWorkbook"/>): every cell is checked first, any error rejects the
/// file and nothing is written; then every unit's scores are saved (and submitted if asked) in one transaction.
/// </summary>
public sealed class UploadScoringWorkbook(KaoheDbContext db, ScoreStage score, ScoreFromLedger ledger)
{
    public async Task<WorkbookUploaded> HandleAsync(int campaignId, Stage stage, TabularFile file, bool submit, UserScope scope, CancellationToken ct = default)
    {
        var errors = new List<ImportError>();
        var map = ColumnMap.Resolve(file.Headers, ScoringWorkbook.Columns, errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);
        var units = (await ScoringWorkbook.WorkableAsync(db, campaignId, stage, scope, ct)).ToDictionary(u => u.UnitId);
        var readings = new Dictionary<int, IReadOnlyDictionary<int, LedgerReading>>();
        var entries = new Dictionary<int, List<PointsEntry>>();
        var (seen, notices) = (new HashSet<(int, string)>(), new List<string>());
        foreach (var row in file.Rows)
        {
            if (!int.TryParse(map.Get(row, "单位编号"), out var unitId) || !units.TryGetValue(unitId, out var unit))
            {
                errors.Add(new(row.Number, "单位编号", AssessmentTexts.NotYourUnit(map.Get(row, "单位编号"), stage)));
                continue;
            }
            if (!readings.ContainsKey(unitId)) (readings[unitId], entries[unitId]) = (await ledger.ReadAsync(unit, scope, ct), []);
            if (!seen.Add((unitId, map.Get(row, "指标编号")))) { errors.Add(new(row.Number, "指标编号", AssessmentTexts.IndicatorTwice(map.Get(row, "指标编号")))); continue; }
            if (WorkbookCell.Parse(row, map, unit.Campaign.Scheme!, readings[unitId], errors, notices) is { } entry) entries[unitId].Add(entry);
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, AssessmentTexts.NoDataRows));
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (unitId, points) in entries) await score.ApplyAsync(units[unitId], new StageScoring(stage, points, Submit: submit), readings[unitId], scope, ct);
        await tx.CommitAsync(ct);
        return new WorkbookUploaded(entries.Count, entries.Values.Sum(e => e.Count), submit, notices);
    }
}
