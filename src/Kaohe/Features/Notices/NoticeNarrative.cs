using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>
/// What the notice's use cases share: the campaign a year stands for, and the editable parts of its notice, as saved
/// or drafted from the campaign (units counted, problems from its findings by category, requirements carried over
/// from last year's notice).
/// </summary>
internal static class NoticeNarrative
{
    /// <summary>The year's campaign (the furthest along if there are several); a year without one is not found.</summary>
    public static async Task<Campaign> CampaignAsync(KaoheDbContext db, int year, CancellationToken ct) =>
        await db.Campaigns.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Status).ThenBy(c => c.Id).FirstOrDefaultAsync(ct)
        ?? throw KaoheException.NotFound(NoticeTexts.NoCampaign(year));

    public static async Task<NoticeFields> FieldsAsync(KaoheDbContext db, Campaign campaign, CancellationToken ct)
    {
        var saved = await db.NoticeDrafts.AsNoTracking().FirstOrDefaultAsync(n => n.CampaignId == campaign.Id, ct);
        return saved is null ? await DefaultsAsync(db, campaign, ct) : new NoticeFields(saved.Issuers, saved.DocumentNumber, saved.Title,
            saved.IssueDate, saved.Addressee, saved.Opening, saved.Overview, saved.Problems, saved.Requirements);
    }

    private static async Task<NoticeFields> DefaultsAsync(KaoheDbContext db, Campaign campaign, CancellationToken ct)
    {
        var types = await db.CampaignUnits.Where(cu => cu.CampaignId == campaign.Id && cu.FinalGrade != null).Select(cu => cu.Unit.Type).ToListAsync(ct);
        var overview = NoticeTexts.Overview(types.Count,
            types.Count(t => t is UnitType.ZoneWithStatisticsCode or UnitType.ZoneWithoutCode), types.Count(t => t == UnitType.CityCentre));
        var lastYears = await db.NoticeDrafts.AsNoTracking()
            .Join(db.Campaigns.Where(c => c.Year < campaign.Year), n => n.CampaignId, c => c.Id, (n, c) => new { c.Year, n.Requirements })
            .OrderByDescending(x => x.Year).Select(x => x.Requirements).FirstOrDefaultAsync(ct);
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        return new NoticeFields(NoticeTexts.Issuers, NoticeTexts.DocumentNumber(campaign.Year), NoticeTexts.Title(campaign.Year), today,
            NoticeTexts.Addressee, NoticeTexts.Opening(campaign.Year), overview, await ProblemsAsync(db, campaign.Id, ct), lastYears ?? NoticeTexts.Requirements);
    }

    private static async Task<string> ProblemsAsync(KaoheDbContext db, int campaignId, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.CampaignId == campaignId).OrderBy(f => f.Category).ThenBy(f => f.Id)
            .Select(f => new { f.Category, f.Text }).ToListAsync(ct);
        if (findings.Count == 0) return NoticeTexts.NoFindings;
        var clauses = findings.GroupBy(f => f.Category).Select((g, i) =>
            NoticeTexts.ProblemClause(i, g.Key.ChineseName(), g.Select(f => f.Text.Trim()).Where(t => t.Length > 0).Distinct()));
        return NoticeTexts.ProblemsLead + string.Concat(clauses);
    }
}
