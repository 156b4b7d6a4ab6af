using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>A new campaign: the work year, the window (2018: 2019-02-13 to 2019-03-31), the scheme (default: the shipped one), the units (default: all active).</summary>
public sealed record NewCampaign(int Year, DateOnly Start, DateOnly End, int? SchemeId = null, string? Title = null, IReadOnlyList<int>? UnitIds = null);

public sealed class CreateCampaign(KaoheDbContext db, EnsureDefaultScheme defaultScheme)
{
    public async Task<Campaign> HandleAsync(NewCampaign request, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        if (request.End < request.Start) throw KaoheException.Invalid(AssessmentTexts.EndBeforeStart);
        var schemeId = request.SchemeId ?? (await defaultScheme.HandleAsync(ct)).Id;
        var units = request.UnitIds ?? await db.Units.Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        var campaign = new Campaign
        {
            Year = request.Year,
            SchemeId = schemeId,
            Title = request.Title ?? AssessmentTexts.CampaignTitle(request.Year),
            Stages = Schedule(request.Start, request.End),
            Units = units.Select(id => new CampaignUnit { UnitId = id }).ToList(),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>Splits the window into four equal stages; each stage's grace period runs 3 days past its due date, within the window.</summary>
    public static List<CampaignStage> Schedule(DateOnly start, DateOnly end)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        return Stages.InOrder.Select((stage, i) =>
        {
            var opens = start.AddDays(days * i / 4);
            var due = start.AddDays((days * (i + 1) / 4) - 1);
            var grace = due.AddDays(3) > end ? end : due.AddDays(3);
            return new CampaignStage { Stage = stage, OpensOn = opens, DueOn = due, GraceUntil = grace };
        }).ToList();
    }
}
