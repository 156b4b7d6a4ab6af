using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>Seals the decided results (every unit graded): read-only from then on, and recorded in the audit trail with the count per grade.</summary>
public sealed class SealResults(KaoheDbContext db)
{
    public const string SealAction = "封存";

    public async Task HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await DecidingCampaign.LoadAsync(db, campaignId, scope, ct);
        campaign.Seal(scope.UserName, db.Clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(SealAction, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture), null, null, CountsJson(campaign)), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>{"优秀":122,"良好":41,…} in the notice's order of grades.</summary>
    public static string CountsJson(Campaign campaign) =>
        AssessmentAudit.Json(Grades.InNoticeOrder.ToDictionary(g => g.ChineseName(), g => campaign.Units.Count(u => u.FinalGrade == g)));
}
