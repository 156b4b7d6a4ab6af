using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

public sealed record NewFinding(FindingCategory Category, string Text, DateOnly? DueDate = null);

public sealed record FindingView(int Id, string Category, string Text, FindingStatus Status, DateOnly? DueDate);

/// <summary>
/// A problem found in a unit during review or the field visit (实地查看), in the notice's four
/// categories. Scores are adjusted through the field-visit stage's scoring; open findings raise the
/// unit's weight in the next year's field-visit draw.
/// </summary>
public sealed class RecordFinding(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int campaignId, int unitId, NewFinding request, UserScope scope, CancellationToken ct = default)
    {
        if (scope.Role is not (Role.Expert or Role.ProvinceAdmin or Role.CityReviewer)) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        if (string.IsNullOrWhiteSpace(request.Text)) throw new AssessmentRuleException("问题描述不能为空");
        if (!Enum.IsDefined(request.Category)) throw new AssessmentRuleException("问题类别不正确");
        var unit = await CampaignUnits.LoadAsync(db, campaignId, unitId, scope, ct);
        unit.Campaign.EnsureNotSealed();
        var finding = new Finding { CampaignId = campaignId, UnitId = unitId, Category = request.Category, Text = request.Text.Trim(), DueDate = request.DueDate };
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }

    /// <summary>The findings of one unit in one campaign, for anyone who may see the unit.</summary>
    public async Task<List<FindingView>> ListAsync(int campaignId, int unitId, UserScope scope, CancellationToken ct = default)
    {
        // an out-of-scope unit answers like a missing one, so ids cannot be probed
        if (!await db.UnitIdsVisibleTo(scope).ContainsAsync(unitId, ct)) throw KaoheException.NotFound();
        var findings = await db.Findings.AsNoTracking().Where(f => f.CampaignId == campaignId && f.UnitId == unitId)
            .OrderBy(f => f.Id).ToListAsync(ct);
        return findings.Select(f => new FindingView(f.Id, f.Category.ChineseName(), f.Text, f.Status, f.DueDate)).ToList();
    }
}
