using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Desk;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>
/// The assessment's part of each desk, for the open campaign: the county's own self-check, what waits for the city's
/// main evaluation or the expert's re-evaluation, and each open stage's progress for the province.
/// </summary>
public sealed class AssessmentDesk(KaoheDbContext db) : IDeskSource
{
    public async Task<IReadOnlyList<DeskItem>> ItemsAsync(UserScope scope, DateOnly today, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Stages)
            .Where(c => c.Status == CampaignStatus.Open).OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);
        if (campaign is null || scope.Role == Role.Observer) return [];
        var visible = db.UnitIdsVisibleIn(campaign.Id, scope);
        var units = await db.CampaignUnits.AsNoTracking().Where(u => u.CampaignId == campaign.Id && visible.Contains(u.UnitId))
            .Select(u => new { u.UnitId, u.Step, u.ReturnReason }).ToListAsync(ct);
        var details = $"/Campaigns/Details/{campaign.Id}";
        DateOnly? DueOf(UnitStep step) => campaign.Stages.FirstOrDefault(s => (int)s.Stage == (int)step && s.Status == StageStatus.Open)?.DueOn;
        int At(UnitStep step) => units.Count(u => u.Step == step);
        var items = new List<DeskItem>();
        switch (scope.Role)
        {
            case Role.CountyOperator when units.FirstOrDefault() is { } own:
                items.Add(own.Step == UnitStep.SelfCheck
                    ? new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.SelfCheck(campaign.Year), $"/Campaigns/Unit/{campaign.Id}/{own.UnitId}",
                        Due: DueOf(UnitStep.SelfCheck), Detail: own.ReturnReason is { } r ? AssessmentDeskTexts.Returned(r) : null)
                    : new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.Submitted(campaign.Year, AssessmentTexts.StepName(own.Step)),
                        $"/Campaigns/Unit/{campaign.Id}/{own.UnitId}"));
                break;
            case Role.CityReviewer:
                items.Add(new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.ToReview, details, At(UnitStep.CityReview), DueOf(UnitStep.CityReview)));
                if (DueOf(UnitStep.SelfCheck) is { } due && due < today && At(UnitStep.SelfCheck) > 0)
                    items.Add(new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.SelfCheckLate, details, At(UnitStep.SelfCheck), due));
                break;
            case Role.Expert:
                items.Add(new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.ToReEvaluate, details, At(UnitStep.ExpertReview), DueOf(UnitStep.ExpertReview)));
                items.Add(new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.ToVisit, details, At(UnitStep.FieldVisit), DueOf(UnitStep.FieldVisit)));
                break;
            case Role.ProvinceAdmin:
                foreach (var stage in campaign.Stages.Where(s => s.Status == StageStatus.Open).OrderBy(s => s.Stage))
                {
                    var done = units.Count(u => (int)u.Step > (int)stage.Stage);
                    items.Add(new DeskItem(DeskAreas.Assessment, AssessmentDeskTexts.StageProgress(stage.Stage.ChineseName(), done, units.Count), details,
                        Due: stage.DueOn));
                }
                break;
        }
        return items;
    }
}

public static class AssessmentDeskTexts
{
    public static string SelfCheck(int year) => $"填报并提交 {year} 年度自查评分";
    public static string Returned(string reason) => $"已被退回：{reason}";
    public static string Submitted(int year, string step) => $"{year} 年度自查已提交，当前：{step}";
    public const string ToReview = "待市级主评的单位";
    public const string SelfCheckLate = "自查逾期未提交的单位";
    public const string ToReEvaluate = "待复评的单位";
    public const string ToVisit = "待实地查看的单位";
    public static string StageProgress(string stage, int done, int total) => $"{stage}：已完成 {done} / {total} 个单位";
}
