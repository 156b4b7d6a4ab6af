using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;

namespace Kaohe.Features.Assessment;

/// <summary>One campaign as <see cref="ListCampaigns"/> shows it, with the units the account can see; missing is not found.</summary>
public sealed class GetCampaign(KaoheDbContext db)
{
    public async Task<CampaignSummary> HandleAsync(int id, UserScope scope, CancellationToken ct = default) =>
        (await CampaignSummaries.ReadAsync(db, db.Campaigns.Where(c => c.Id == id), scope, ct)).SingleOrDefault() ?? throw KaoheException.NotFound();
}
