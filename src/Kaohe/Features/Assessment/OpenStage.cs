using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>The province opens a stage for scoring (and with it the campaign); a sealed campaign stays sealed.</summary>
public sealed class OpenStage(KaoheDbContext db)
{
    public Task HandleAsync(int campaignId, Stage stage, UserScope scope, CancellationToken ct = default) =>
        StageSchedule.ChangeAsync(db, campaignId, scope, c => c.OpenStage(stage), ct);
}
