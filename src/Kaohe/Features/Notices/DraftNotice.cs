using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Notices;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>
/// The editable parts of a campaign's notice: what was saved, or a draft made from the campaign
/// (units counted, problems from its findings by category, requirements carried over from last year's notice).
/// </summary>
public sealed class DraftNotice(KaoheDbContext db)
{
    public async Task<Campaign> FindCampaignAsync(int year, CancellationToken ct = default) =>
        await db.Campaigns.AsNoTracking().Where(c => c.Year == year).OrderByDescending(c => c.Status).ThenBy(c => c.Id).FirstOrDefaultAsync(ct)
        ?? throw new KeyNotFoundException(NoticeTexts.NoCampaign(year));

    public async Task<NoticeFields> FieldsAsync(Campaign campaign, CancellationToken ct = default)
    {
        var saved = await db.NoticeDrafts.AsNoTracking().FirstOrDefaultAsync(n => n.CampaignId == campaign.Id, ct);
        return saved is null ? await DefaultsAsync(campaign, ct) : new NoticeFields(saved.Issuers, saved.DocumentNumber, saved.Title,
            saved.IssueDate, saved.Addressee, saved.Opening, saved.Overview, saved.Problems, saved.Requirements);
    }

    public async Task<NoticeFields> SaveAsync(int year, NoticeFields fields, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw new UnauthorizedAccessException(NoticeTexts.NotAllowed);
        var campaign = await FindCampaignAsync(year, ct);
        var draft = await db.NoticeDrafts.FirstOrDefaultAsync(n => n.CampaignId == campaign.Id, ct);
        if (draft is null)
        {
            draft = new NoticeDraft { CampaignId = campaign.Id, Issuers = "", DocumentNumber = "", Title = "", Addressee = "", Opening = "", Overview = "", Problems = "", Requirements = "" };
            db.NoticeDrafts.Add(draft);
        }
        (draft.Issuers, draft.DocumentNumber, draft.Title, draft.IssueDate, draft.Addressee) =
            (fields.Issuers.Trim(), fields.DocumentNumber.Trim(), fields.Title.Trim(), fields.IssueDate, fields.Addressee.Trim());
        (draft.Opening, draft.Overview, draft.Problems, draft.Requirements) =
            (Clean(fields.Opening), Clean(fields.Overview), Clean(fields.Problems), Clean(fields.Requirements));
        draft.UpdatedBy = scope.UserName;
        await db.SaveChangesAsync(ct);
        return await FieldsAsync(campaign, ct);
    }

    private static string Clean(string text) => string.Join('\n', NoticeDocument.Paragraphs(text.ReplaceLineEndings("\n")));

    private async Task<NoticeFields> DefaultsAsync(Campaign campaign, CancellationToken ct)
    {
        var types = await db.CampaignUnits.Where(cu => cu.CampaignId == campaign.Id && cu.FinalGrade != null).Select(cu => cu.Unit.Type).ToListAsync(ct);
        var overview = NoticeTexts.Overview(types.Count,
            types.Count(t => t is UnitType.ZoneWithStatisticsCode or UnitType.ZoneWithoutCode), types.Count(t => t == UnitType.CityCentre));
        var lastYears = await db.NoticeDrafts.AsNoTracking()
            .Join(db.Campaigns.Where(c => c.Year < campaign.Year), n => n.CampaignId, c => c.Id, (n, c) => new { c.Year, n.Requirements })
            .OrderByDescending(x => x.Year).Select(x => x.Requirements).FirstOrDefaultAsync(ct);
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        return new NoticeFields(NoticeTexts.Issuers, NoticeTexts.DocumentNumber(campaign.Year), NoticeTexts.Title(campaign.Year), today,
            NoticeTexts.Addressee, NoticeTexts.Opening(campaign.Year), overview, await ProblemsAsync(campaign.Id, ct), lastYears ?? NoticeTexts.Requirements);
    }

    private async Task<string> ProblemsAsync(int campaignId, CancellationToken ct)
    {
        var findings = await db.Findings.AsNoTracking().Where(f => f.CampaignId == campaignId).OrderBy(f => f.Category).ThenBy(f => f.Id)
            .Select(f => new { f.Category, f.Text }).ToListAsync(ct);
        if (findings.Count == 0) return NoticeTexts.NoFindings;
        var clauses = findings.GroupBy(f => f.Category).Select((g, i) =>
            NoticeTexts.ProblemClause(i, g.Key.ChineseName(), g.Select(f => f.Text.Trim()).Where(t => t.Length > 0).Distinct()));
        return NoticeTexts.ProblemsLead + string.Concat(clauses);
    }
}
