using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;

namespace Kaohe.Features.Assessment;

public sealed record GradeDecision(int UnitId, Grade Grade, string? Reason = null, int? VotesFor = null, int? VotesAgainst = null, int? VotesAbstain = null);

/// <summary>
/// The expert group's collective decision (集体评审) on some units: the computed grade stands unless changed with a
/// reason and a vote tally (<see cref="CampaignUnit.Decide"/>).
/// </summary>
public sealed class DecideGrades(KaoheDbContext db)
{
    public async Task HandleAsync(int campaignId, IReadOnlyList<GradeDecision> decisions, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await DecidingCampaign.LoadAsync(db, campaignId, scope, ct);
        foreach (var d in decisions)
        {
            var unit = campaign.Units.FirstOrDefault(u => u.UnitId == d.UnitId) ?? throw KaoheException.NotFound();
            unit.Decide(d.Grade, d.Reason, d.VotesFor, d.VotesAgainst, d.VotesAbstain);
        }
        await db.SaveChangesAsync(ct);
    }
}
