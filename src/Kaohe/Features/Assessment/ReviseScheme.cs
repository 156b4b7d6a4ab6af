using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Assessment;

/// <summary>
/// New texts for one indicator, a computed indicator's data source and points rule (数据来源, 计分规则), and/or new grade
/// rules; null fields stay as they are.
/// </summary>
public sealed record SchemeRevision(
    string? IndicatorCode = null, string? Title = null, string? Guidance = null, string? Evidence = null, string? DataSource = null, string? PointsRule = null,
    decimal? ExcellentMin = null, decimal? GoodMin = null, decimal? PassMin = null, decimal? ExcellentQuotaPercent = null, decimal? MaxGap = null);

/// <summary>
/// Changes a scheme. A version no campaign uses is edited in place; a version a campaign has used is
/// never touched: the change goes into a new version, whose id is returned.
/// </summary>
public sealed class ReviseScheme(KaoheDbContext db)
{
    public async Task<int> HandleAsync(int schemeId, SchemeRevision change, UserScope scope, CancellationToken ct = default)
    {
        AssessmentPermissions.Demand(AssessmentPermissions.MayManage(scope.Role));
        var scheme = await db.IndicatorSchemes.Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == schemeId, ct)
            ?? throw KaoheException.NotFound();
        if (await db.Campaigns.AnyAsync(c => c.SchemeId == schemeId, ct))
        {
            var latest = await db.IndicatorSchemes.Where(s => s.Name == scheme.Name).MaxAsync(s => s.Version, ct);
            scheme = scheme.NextVersion(db.Clock.GetUtcNow().UtcDateTime);
            scheme.Version = latest + 1;
            db.IndicatorSchemes.Add(scheme);
        }
        Apply(scheme, change);
        await db.SaveChangesAsync(ct);
        return scheme.Id;
    }

    private static void Apply(IndicatorScheme scheme, SchemeRevision c)
    {
        if (c.IndicatorCode is { } code)
        {
            var node = scheme.Indicators.FirstOrDefault(i => i.Code == code) ?? throw KaoheException.Invalid(AssessmentTexts.NoSuchIndicator(code));
            node.Title = c.Title ?? node.Title;
            node.Guidance = c.Guidance ?? node.Guidance;
            node.Evidence = c.Evidence ?? node.Evidence;
            if (c.DataSource is not null || c.PointsRule is not null) ApplyDataRule(node, c);
        }
        scheme.ExcellentMin = c.ExcellentMin ?? scheme.ExcellentMin;
        scheme.GoodMin = c.GoodMin ?? scheme.GoodMin;
        scheme.PassMin = c.PassMin ?? scheme.PassMin;
        scheme.ExcellentQuotaPercent = c.ExcellentQuotaPercent ?? scheme.ExcellentQuotaPercent;
        scheme.MaxGapWithoutReason = c.MaxGap ?? scheme.MaxGapWithoutReason;
        if (!(scheme.ExcellentMin > scheme.GoodMin && scheme.GoodMin > scheme.PassMin))
            throw KaoheException.Invalid(AssessmentTexts.GradeLinesOutOfOrder);
    }

    private static void ApplyDataRule(Indicator node, SchemeRevision c)
    {
        var errors = new List<string>();
        var (source, rule) = DataRuleCheck.Check(node.Kind, c.DataSource ?? node.DataSource ?? "", c.PointsRule ?? node.PointsRule ?? "",
            (column, message) => errors.Add(AssessmentTexts.DataRuleError(node.Code, column, message)));
        if (errors.Count > 0) throw KaoheException.Invalid(string.Join("；", errors));
        (node.DataSource, node.PointsRule) = (source, rule);
    }
}
