using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Notices;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>
/// Builds a sealed campaign's notice from its final grades and the saved (or default) narrative, once the sealed
/// data is found as it was sealed (<see cref="SealedData"/>): otherwise it refuses, naming the units that changed.
/// The notice is the province's published document: it is the same for every reader, so it is not scoped.
/// </summary>
public sealed class ComposeNotice(KaoheDbContext db)
{
    public async Task<NoticeDocument> HandleAsync(int year, CancellationToken ct = default)
    {
        var campaign = await NoticeNarrative.CampaignAsync(db, year, ct);
        if (!campaign.IsSealed) throw KaoheException.Conflict(NoticeTexts.NotSealed);
        var seal = await SealedData.EnsureIntactAsync(db, campaign.Id, ct);
        var verification = NoticeTexts.Verification(seal.Code ?? AuditTexts.SealCodeNotRecorded, AuditTexts.Head(await AuditTrail.HeadAsync(db, ct)));
        var fields = await NoticeNarrative.FieldsAsync(db, campaign, ct);
        var results = await ResultsAsync(campaign.Id, ct);
        var sections = new List<NoticeSection>
        {
            new(NoticeTexts.Headings[0], NoticeDocument.Paragraphs(fields.Overview)),
            new(NoticeTexts.Headings[1], [NoticeTexts.ResultsLead + results.Sentence + NoticeTexts.ResultsTail]),
            new(NoticeTexts.Headings[2], NoticeDocument.Paragraphs(fields.Problems)),
            new(NoticeTexts.Headings[3], NoticeDocument.Paragraphs(fields.Requirements)),
        };
        return new NoticeDocument(year, fields.Issuers, fields.DocumentNumber, fields.Title, fields.Addressee,
            NoticeDocument.Paragraphs(fields.Opening), sections, $"{NoticeTexts.AnnexLabel}：{NoticeTexts.AnnexTitle(year)}",
            fields.IssueDate, NoticeTexts.Disclosure, NoticeTexts.AnnexTitle(year), results,
            campaign.Title.Contains(NoticeTexts.SyntheticLabel, StringComparison.Ordinal) ? NoticeTexts.SyntheticLabel : null, verification);
    }

    private async Task<NoticeResults> ResultsAsync(int campaignId, CancellationToken ct)
    {
        var rows = await db.CampaignUnits.AsNoTracking()
            .Where(cu => cu.CampaignId == campaignId && cu.FinalGrade != null)
            .Select(cu => new { Grade = cu.FinalGrade!.Value, City = cu.Unit.CityGroup.Name, CityOrder = cu.Unit.CityGroup.SortOrder, cu.Unit.SortOrder, cu.Unit.PublishedName })
            .ToListAsync(ct);
        return NoticeResults.From(rows.Select(r => new GradedUnit(r.Grade, r.City, r.CityOrder, r.SortOrder, r.PublishedName)));
    }
}
