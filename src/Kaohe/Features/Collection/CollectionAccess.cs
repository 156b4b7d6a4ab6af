using System.Security.Cryptography;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Collection;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// Who may do what at the collection desk, decided here for pages, API and CLI alike: a county officer reads and
/// writes its own unit's cases; a city reviewer reads its units', the province all; an expert reads, for each unit
/// assigned to them in a campaign not yet sealed, a reproducible sample of its cases (<see cref="SampleSize"/>); the
/// bank observer sees figures only, never a borrower.
/// </summary>
public static class CollectionAccess
{
    /// <summary>How many of an assigned unit's cases an expert sees on a field visit (all of them when fewer).</summary>
    public const int SampleSize = 10;

    public static bool MayReadCases(this UserScope scope) => scope.Role is Role.ProvinceAdmin or Role.CityReviewer or Role.CountyOperator or Role.Expert;

    public static bool MayRecordContacts(this UserScope scope, int unitId) => scope.Role == Role.CountyOperator && scope.UnitId == unitId;

    /// <summary>The cases this account may open: none for the roles that may not read cases, else its units' (an expert's sample).</summary>
    public static async Task<IQueryable<CollectionCase>> CasesVisibleToAsync(this KaoheDbContext db, UserScope scope, CancellationToken ct = default)
    {
        if (!scope.MayReadCases()) throw KaoheException.Forbidden(CollectionTexts.CasesForbidden);
        if (scope.Role == Role.Expert)
        {
            var sample = await ExpertSampleAsync(db, scope.UserId, ct);
            return db.CollectionCases.Where(c => sample.Contains(c.Id));
        }
        var units = db.UnitIdsVisibleTo(scope);
        return db.CollectionCases.Where(c => units.Contains(c.UnitId));
    }

    /// <summary>
    /// The expert's sample: per assignment in an unsealed campaign, the unit's cases (open, and closed since the
    /// campaign's year began) ordered by SHA-256 of (campaign, unit, case) and the first <see cref="SampleSize"/> taken.
    /// The same campaign and the same cases give the same sample, whoever asks and whenever; a case opened later may
    /// enter it, as the draw is over the cases there are.
    /// </summary>
    public static async Task<List<int>> ExpertSampleAsync(KaoheDbContext db, int expertUserId, CancellationToken ct)
    {
        var assignments = await db.ExpertAssignments.Where(a => a.ExpertUserId == expertUserId)
            .Join(db.Campaigns.Where(c => c.Status != CampaignStatus.Sealed), a => a.CampaignId, c => c.Id, (a, c) => new { a.CampaignId, a.UnitId, c.Year })
            .Distinct().ToListAsync(ct);
        var sample = new List<int>();
        foreach (var a in assignments)
        {
            var start = new DateOnly(a.Year, 1, 1);
            var ids = await db.CollectionCases.Where(c => c.UnitId == a.UnitId && (c.ClosedOn == null || c.ClosedOn >= start)).Select(c => c.Id).ToListAsync(ct);
            sample.AddRange(ids.OrderBy(id => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{a.CampaignId}|{a.UnitId}|{id}")))).Take(SampleSize));
        }
        return sample.Distinct().ToList();
    }
}
