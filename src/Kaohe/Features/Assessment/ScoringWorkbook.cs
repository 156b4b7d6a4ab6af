using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>
/// The offline scoring workbook: one row per unit and scored indicator, for the units this account
/// scores at this stage, pre-filled with what is already there. Computed indicators come pre-filled
/// with the ledger's points and marked 数据计算（不可修改）, with the data in 台账数据; on upload their 得分
/// is not read. Every cell is checked first; any error rejects the file and nothing is written. What the download
/// (<see cref="DownloadScoringWorkbook"/>) and the upload (<see cref="UploadScoringWorkbook"/>) share.
/// </summary>
internal static class ScoringWorkbook
{
    public static readonly ColumnSpec[] Columns =
    [
        new("单位编号", true), new("单位", false), new("指标编号", true), new("指标", false), new("分值", false),
        new("得分", true), new("否决项是否触发", false, "否决"), new("说明", false), new("计分方式", false), new("台账数据", false),
    ];

    public static string[] Row(CampaignUnit u, Indicator leaf, IndicatorScore? s, LedgerReading? reading)
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


    /// <summary>The units this account may score at this stage now (in scope, at this step, and for an expert assigned in this campaign).</summary>
    public static async Task<List<CampaignUnit>> WorkableAsync(KaoheDbContext db, int campaignId, Stage stage, UserScope scope, CancellationToken ct)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayScore(scope.Role, stage));
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
