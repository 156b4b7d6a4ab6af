using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kaohe.Domain.Assessment;

/// <summary>
/// The digest of what a seal fixes (issue 22): the campaign's scheme version and grade rules with the 优秀 quota, and
/// per unit every stage's result (total, veto cap, comment, gap reason, who scored, when submitted, each indicator's
/// points, note and data), the final score, the computed and final grade, the decision's reason and votes. A canonical
/// JSON array per unit (invariant numbers, decimals without trailing zeros, enums by number), SHA-256; the campaign's
/// digest covers the settings' and every unit's. Recorded in the audit chain with the seal; each unit's part is kept
/// too, so a mismatch names the units whose sealed data changed.
/// </summary>
public sealed record SealDigest(string Hex, string Settings, IReadOnlyDictionary<int, string> Units)
{
    /// <summary>The length each part is kept in the seal's entry: 64 bits tell a changed unit apart; the whole digest is kept in full.</summary>
    public const int PartLength = 16;

    /// <summary>The short 封存校验码 a printed notice carries: the digest's first 48 bits, as 3F2A-91C0-7B4E.</summary>
    public string Code => CodeOf(Hex);

    public static string CodeOf(string hex) => string.Join('-', hex[..12].ToUpperInvariant().Chunk(4).Select(c => new string(c)));

    /// <param name="campaign">With its scheme (if any) and its units' results and indicator scores loaded.</param>
    public static SealDigest Of(Campaign campaign)
    {
        var s = campaign.Scheme;
        var settings = Sha(Json([campaign.Id, campaign.Year, campaign.SchemeId, s?.Version, Num(s?.ExcellentMin), Num(s?.GoodMin), Num(s?.PassMin),
            Num(s?.ExcellentQuotaPercent), Num(s?.MaxGapWithoutReason)]));
        // Grouped, not keyed: a row inserted twice for one unit is a change to report, not a crash.
        var units = campaign.Units.GroupBy(u => u.UnitId).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => Sha(string.Join('\n', g.OrderBy(u => u.Id).Select(UnitText))));
        var hex = Sha(Json([settings, units.Select(u => new object[] { u.Key, u.Value }).ToArray()]));
        return new(hex, settings[..PartLength], units.ToDictionary(u => u.Key, u => u.Value[..PartLength]));
    }

    /// <summary>The units whose part differs between this (as sealed) and <paramref name="now"/>, with those added or removed since.</summary>
    public IReadOnlyList<int> ChangedUnits(SealDigest now) =>
        Units.Keys.Union(now.Units.Keys).Where(id => Units.GetValueOrDefault(id) != now.Units.GetValueOrDefault(id)).Order().ToList();

    private static string UnitText(CampaignUnit u) => Json(
    [
        u.UnitId, Num(u.FinalScore), (int?)u.ComputedGrade, (int?)u.FinalGrade, u.DecisionReason, u.VotesFor, u.VotesAgainst, u.VotesAbstain,
        u.Results.OrderBy(r => r.Stage).ThenBy(r => r.Id).Select(r => new object?[]
        {
            (int)r.Stage, Num(r.Total), (int?)r.VetoCap, r.Comment, r.GapReason, r.ScoredBy,
            r.SubmittedAtUtc?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            r.Scores.OrderBy(x => x.IndicatorId).ThenBy(x => x.Id).Select(x => new object?[]
            {
                x.IndicatorId, Num(x.Points), x.VetoHit, x.Note, (int)x.Origin, Num(x.DataValue), x.DataFormula, x.DataNumbers, x.DataScoring,
                x.DataAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ToArray(),
        }).ToArray(),
    ]);

    // 92.50 and 92.5 are the same score: PostgreSQL keeps the scale it was given, SQLite its text.
    private static string? Num(decimal? d) => d?.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Json(object?[] values) => JsonSerializer.Serialize(values);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
