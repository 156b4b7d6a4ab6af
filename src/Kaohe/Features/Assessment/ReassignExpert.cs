using System.Globalization;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>The province moves one unit from one expert to another, with a reason (an audit event); a conflicting target is refused.</summary>
public sealed class ReassignExpert(KaoheDbContext db)
{
    public const string AuditAction = "调整专家分配";

    public async Task HandleAsync(int campaignId, int unitId, int fromExpertId, int toExpertId, string reason, UserScope scope, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw KaoheException.Invalid(AssessmentTexts.ReassignNeedsReason);
        var (_, units, experts, conflicts) = await ExpertPool.LoadAsync(db, campaignId, scope, ct);
        var unit = units.FirstOrDefault(u => u.UnitId == unitId) ?? throw KaoheException.NotFound();
        var to = experts.FirstOrDefault(e => e.UserId == toExpertId) ?? throw KaoheException.NotFound(AssessmentTexts.ExpertNotFound);
        if (conflicts.Conflict(to, unit) is { } conflict) throw KaoheException.Invalid(conflict);
        var current = await db.ExpertAssignments.FirstOrDefaultAsync(a => a.CampaignId == campaignId && a.UnitId == unitId && a.ExpertUserId == fromExpertId, ct)
            ?? throw KaoheException.NotFound(AssessmentTexts.AssignmentNotFound);
        current.ExpertUserId = toExpertId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditAction, nameof(ExpertAssignment), current.Id.ToString(CultureInfo.InvariantCulture), unitId,
            Expert(fromExpertId), Expert(toExpertId), reason.Trim()), ct);
        await tx.CommitAsync(ct);
    }

    private static string Expert(int id) => AssessmentAudit.Json(new Dictionary<string, int> { ["expert"] = id });
}
