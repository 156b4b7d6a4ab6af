using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

/// <summary>The province ends a stage: no more scoring in it, whatever its dates say.</summary>
public sealed class CloseStage(KaoheDbContext db)
{
    public Task HandleAsync(int campaignId, Stage stage, UserScope scope, CancellationToken ct = default) =>
        StageSchedule.ChangeAsync(db, campaignId, scope, c => c.CloseStage(stage), ct);
}
