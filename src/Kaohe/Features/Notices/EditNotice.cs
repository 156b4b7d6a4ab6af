using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Notices;

/// <summary>Saves the province's edits of a year's notice (one paragraph per line) and answers the fields as saved.</summary>
public sealed class EditNotice(KaoheDbContext db)
{
    public async Task<NoticeFields> HandleAsync(int year, NoticeFields fields, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.CanEditRegistry) throw KaoheException.Forbidden(NoticeTexts.NotAllowed);
        var campaign = await NoticeNarrative.CampaignAsync(db, year, ct);
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
        return await NoticeNarrative.FieldsAsync(db, campaign, ct);
    }

    private static string Clean(string text) => string.Join('\n', NoticeDocument.Paragraphs(text.ReplaceLineEndings("\n")));
}
