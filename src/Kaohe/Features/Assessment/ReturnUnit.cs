using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>A higher level sends a unit back to an earlier stage with a reason; the return is its own audit event.</summary>
public sealed class ReturnUnit(KaoheDbContext db)
{
    public const string AuditAction = "退回";

    public async Task HandleAsync(int campaignId, int unitId, Stage to, string reason, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayReturn(scope.Role, to));
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        unit.Campaign.EnsureNotSealed();
        if (!AssessmentPermissions.MayReturnFrom(scope.Role, unit.Step)) throw KaoheException.Conflict(AssessmentTexts.Locked(Stage.CityReview, unit.Step));
        var from = unit.Step;
        unit.Return(to, reason, unit.Unit.ReportsToProvince);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditAction, nameof(CampaignUnit), unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), unitId,
            Step(from), Step(unit.Step), reason), ct);
        await tx.CommitAsync(ct);
    }

    private static string Step(UnitStep step) => AssessmentAudit.Json(new Dictionary<string, string> { ["step"] = AssessmentTexts.StepName(step) });
}
