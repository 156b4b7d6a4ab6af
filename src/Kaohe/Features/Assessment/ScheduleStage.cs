using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>The province opens and closes stages, and may move a stage's dates.</summary>
public sealed class ScheduleStage(KaoheDbContext db)
{
    public Task OpenAsync(int campaignId, Stage stage, UserScope scope, CancellationToken ct = default) =>
        ChangeAsync(campaignId, scope, c => c.OpenStage(stage), ct);

    public Task CloseAsync(int campaignId, Stage stage, UserScope scope, CancellationToken ct = default) =>
        ChangeAsync(campaignId, scope, c => c.CloseStage(stage), ct);

    public Task SetDatesAsync(int campaignId, Stage stage, DateOnly opens, DateOnly due, DateOnly grace, UserScope scope, CancellationToken ct = default) =>
        ChangeAsync(campaignId, scope, c =>
        {
            c.EnsureNotSealed();
            if (!(opens <= due && due <= grace)) throw new AssessmentRuleException("日期须满足 开始 ≤ 截止 ≤ 宽限");
            var s = c.StageOf(stage);
            (s.OpensOn, s.DueOn, s.GraceUntil) = (opens, due, grace);
        }, ct);

    private async Task ChangeAsync(int campaignId, UserScope scope, Action<Campaign> change, CancellationToken ct)
    {
        if (scope.Role != Role.ProvinceAdmin) throw new UnauthorizedAccessException(AssessmentTexts.NotAllowed);
        var campaign = await db.Campaigns.Include(c => c.Stages).FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new KeyNotFoundException(AssessmentTexts.NotFound);
        change(campaign);
        await db.SaveChangesAsync(ct);
    }
}
