using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Audit;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

public sealed record ResultsImportResult(int Year, int CampaignId, int Units, IReadOnlyDictionary<Grade, int> Counts);

/// <summary>
/// Imports a year's published results (单位, 所属市, 等级, optional 得分) as a sealed historical campaign,
/// so its notice and year-over-year comparisons can be made. Any bad row rejects the whole file.
/// </summary>
public sealed class ImportResults(KaoheDbContext db)
{
    public static ColumnSpec[] Columns(int year) =>
    [
        new("单位", true, "单位名称", "通报所用名称", "通报名称", "名称", "县（市、区）"),
        new("所属市", false, "所属市（通报分组）", "通报分组", "分组", "市", "省辖市"),
        new("等级", true, "考核等级", "考核结果", "结果", $"{year}考核等级", $"{year}年考核等级"),
        new("得分", false, "分数", "总分", "最终得分", "考核得分"),
    ];

    public async Task<ResultsImportResult> HandleAsync(int year, TabularFile file, UserScope scope, string? title = null, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw KaoheException.Forbidden(ResultsTexts.NotAllowed);
        var errors = new List<ImportError>();
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Year == year, ct) is { } existing)
            throw new ImportRejectedException([new ImportError(0, null, ResultsTexts.YearExists(year, existing))]);
        var map = ColumnMap.Resolve(file.Headers, Columns(year), errors);
        if (errors.Count > 0) throw new ImportRejectedException(errors);

        var units = await db.Units.AsNoTracking().Include(u => u.Aliases).Include(u => u.CityGroup).ToListAsync(ct);
        var matcher = new ResultUnitMatcher(units, await db.CityGroups.AsNoTracking().ToListAsync(ct));
        var rows = new List<CampaignUnit>();
        var seen = new Dictionary<int, int>();
        foreach (var line in file.Rows)
        {
            if (ResultRow.Parse(line, map, matcher, errors) is not { } row) continue;
            if (!seen.TryAdd(row.UnitId, line.Number)) errors.Add(new(line.Number, "单位", ResultsTexts.Duplicate(map.Get(line, "单位"), seen[row.UnitId])));
            rows.Add(row);
        }
        if (file.Rows.Count == 0) errors.Add(new(0, null, ResultsTexts.NoRows));
        if (errors.Count > 0) throw new ImportRejectedException(errors.OrderBy(e => e.Row).ToList());

        var campaign = new Campaign
        {
            Year = year,
            Title = title ?? ResultsTexts.HistoricalTitle(year),
            Status = CampaignStatus.Sealed,
            IsHistorical = true,
            SealedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            SealedBy = scope.UserName,
            Units = rows,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        // Sealed on import: the entry holds the digest of what was imported, which the notice of the year is held to.
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Import, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture), null, null,
            await SealedData.RecordJsonAsync(db, campaign.Id, new Dictionary<string, object> { ["year"] = year, ["units"] = rows.Count }, ct)), ct);
        await tx.CommitAsync(ct);
        return new ResultsImportResult(year, campaign.Id, rows.Count, Grades.InNoticeOrder.ToDictionary(g => g, g => rows.Count(r => r.FinalGrade == g)));
    }
}

internal static class ResultRow
{
    public static CampaignUnit? Parse(TabularRow line, ColumnMap map, ResultUnitMatcher matcher, List<ImportError> errors)
    {
        var before = errors.Count;
        var name = map.Get(line, "单位");
        var cityText = map.Get(line, "所属市");
        var group = matcher.Group(cityText);
        if (cityText.Length > 0 && group is null) errors.Add(new(line.Number, "所属市", ResultsTexts.UnknownCity(cityText)));
        if (!Grades.TryParse(map.Get(line, "等级"), out var grade)) errors.Add(new(line.Number, "等级", ResultsTexts.UnknownGrade(map.Get(line, "等级"))));
        decimal? score = null;
        var scoreText = map.Get(line, "得分");
        if (scoreText.Length > 0)
        {
            if (decimal.TryParse(scoreText, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1000) score = Math.Round(s, 2, MidpointRounding.AwayFromZero);
            else errors.Add(new(line.Number, "得分", ResultsTexts.BadScore(scoreText)));
        }
        if (name.Length == 0) { errors.Add(new(line.Number, "单位", ResultsTexts.NameRequired)); return null; }
        if (cityText.Length > 0 && group is null) return null;
        var candidates = matcher.Candidates(name, group);
        if (candidates.Count == 1) return errors.Count > before ? null : new CampaignUnit { UnitId = candidates[0].Id, FinalGrade = grade, FinalScore = score };
        errors.Add(candidates.Count == 0
            ? new(line.Number, "单位", ResultsTexts.UnknownUnit(name, group?.Name, matcher.LookAlikes(name).Select(ResultUnitMatcher.Describe)))
            : new(line.Number, "单位", ResultsTexts.AmbiguousUnit(name, candidates.Select(ResultUnitMatcher.Describe))));
        return null;
    }
}
