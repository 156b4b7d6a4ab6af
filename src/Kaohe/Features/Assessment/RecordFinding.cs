using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

public sealed record NewFinding(FindingCategory Category, string Text, DateOnly? DueDate = null);

/// <summary>
/// A problem found in a unit during review or the field visit (实地查看), in the notice's four
/// categories. Scores are adjusted through the field-visit stage's scoring; open findings raise the
/// unit's weight in the next year's field-visit draw.
/// </summary>
public sealed class RecordFinding(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int campaignId, int unitId, NewFinding request, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayRecordFinding(scope.Role));
        if (string.IsNullOrWhiteSpace(request.Text)) throw KaoheException.Invalid(AssessmentTexts.FindingNeedsText);
        if (!Enum.IsDefined(request.Category)) throw KaoheException.Invalid(AssessmentTexts.FindingCategoryUnknown);
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        unit.Campaign.EnsureNotSealed();
        var finding = new Finding { CampaignId = campaignId, UnitId = unitId, Category = request.Category, Text = request.Text.Trim(), DueDate = request.DueDate };
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }
}
