using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Audit;

namespace Kaohe.Features.Assessment;

/// <summary>
/// Seals the decided results (every unit graded): read-only from then on, and recorded in the audit trail with the
/// count per grade and the digest of everything sealed (<see cref="SealedData"/>), which whatever publishes it checks.
/// </summary>
public sealed class SealResults(KaoheDbContext db)
{
    public const string SealAction = "封存";

    public async Task HandleAsync(int campaignId, UserScope scope, CancellationToken ct = default)
    {
        var campaign = await DecidingCampaign.LoadAsync(db, campaignId, scope, ct);
        campaign.Seal(scope.UserName, db.Clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, campaign, null, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The seal's audit entry, written in the sealing transaction after the sealed data is saved: the demo seeding seals through it too.</summary>
    internal static async Task RecordAsync(KaoheDbContext db, Campaign campaign, string? reason, CancellationToken ct)
    {
        await AuditTrail.RecordAsync(db, new AuditDraft(SealAction, nameof(Campaign), campaign.Id.ToString(CultureInfo.InvariantCulture), null, null,
            await SealedData.RecordJsonAsync(db, campaign.Id, Counts(campaign), ct), reason), ct);
    }

    /// <summary>优秀 122, 良好 41, … in the notice's order of grades: the seal's entry begins with them, as it always did.</summary>
    public static IReadOnlyDictionary<string, object> Counts(Campaign campaign) =>
        Grades.InNoticeOrder.ToDictionary(g => g.ChineseName(), g => (object)campaign.Units.Count(u => u.FinalGrade == g));
}
