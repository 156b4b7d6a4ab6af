using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();

    /// <summary>
    /// The units this account may see; the single entry point for scope on unit-owned data.
    /// An expert sees the units assigned in any campaign that is open or sealed (not in a draft).
    /// </summary>
    public IQueryable<Unit> UnitsVisibleTo(UserScope scope) =>
        scope.Filter(Units, ExpertAssignments
            .Where(a => a.ExpertUserId == scope.UserId && Campaigns.Any(c => c.Id == a.CampaignId && c.Status != CampaignStatus.Draft))
            .Select(a => a.UnitId));

    public IQueryable<int> UnitIdsVisibleTo(UserScope scope) => UnitsVisibleTo(scope).Select(u => u.Id);

    /// <summary>
    /// The units of one campaign this account may see: as <see cref="UnitIdsVisibleTo"/>, except that an expert sees
    /// only the units assigned in this campaign, not another year's (so a list never links a unit it may not open).
    /// </summary>
    public IQueryable<int> UnitIdsVisibleIn(int campaignId, UserScope scope) => scope.Role == Role.Expert
        ? ExpertAssignments.Where(a => a.CampaignId == campaignId && a.ExpertUserId == scope.UserId).Select(a => a.UnitId)
        : UnitIdsVisibleTo(scope);
}
