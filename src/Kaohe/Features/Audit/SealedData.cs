using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Audit;

public enum SealState
{
    Intact,       // the digest recorded at sealing matches the data
    Changed,      // it does not: the units named changed
    Altered,      // the seal's entry itself fails its HMAC
    Missing,      // sealed since the keyed chain began, yet no seal entry with a digest
    Unsealed,     // the chain holds its seal, but the campaign is no longer sealed: only a change outside Kaohe undoes one
    Resealed,     // the chain holds two seals of it: it was unsealed outside Kaohe in between
    NotRecorded,  // sealed before issue 22: every entry of the campaign is older than the keyed chain
}

/// <param name="Code">The 封存校验码 recorded at sealing, null when none was.</param>
/// <param name="ChangedUnits">The names of the units whose sealed data changed.</param>
public sealed record SealCheck(int CampaignId, int Year, SealState State, string? Code, IReadOnlyList<string> ChangedUnits, bool SettingsChanged)
{
    public bool MayPublish => State is SealState.Intact or SealState.NotRecorded;

    public string Message => State switch
    {
        SealState.Intact => AuditTexts.SealIntact(Year, Code!),
        SealState.NotRecorded => AuditTexts.SealNotRecorded(Year),
        SealState.Changed => AuditTexts.SealChanged(Year, ChangedUnits, SettingsChanged),
        SealState.Altered => AuditTexts.SealAltered(Year),
        SealState.Unsealed => AuditTexts.SealUndone(Year),
        SealState.Resealed => AuditTexts.SealedTwice(Year),
        _ => AuditTexts.SealMissing(Year),
    };
}

/// <summary>
/// The seal's digest (<see cref="SealDigest"/>) in the audit chain: recorded with the seal in the entry the sealing
/// writes, and recomputed by whatever publishes a sealed campaign (the notice in every format, the results export, the
/// public page) and by <c>kaohe audit verify</c>. The entry is trusted only if its HMAC holds, so a writer of the
/// database alone can neither change the sealed data nor the digest it is held to.
/// </summary>
public static class SealedData
{
    public const string DigestKey = "封存校验码", SettingsKey = "考核设置校验", UnitsKey = "参评单位校验";
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The seal entry's JSON: <paramref name="summary"/> (counts per grade, …) and the digest of the campaign as saved in this transaction.</summary>
    public static async Task<string> RecordJsonAsync(KaoheDbContext db, int campaignId, IReadOnlyDictionary<string, object> summary, CancellationToken ct)
    {
        var digest = SealDigest.Of(await LoadAsync(db, campaignId, ct));
        var values = new Dictionary<string, object>(summary)
        {
            [DigestKey] = digest.Hex,
            [SettingsKey] = digest.Settings,
            [UnitsKey] = digest.Units.ToDictionary(u => u.Key.ToString(CultureInfo.InvariantCulture), u => u.Value),
        };
        return JsonSerializer.Serialize(values, Plain);
    }

    /// <summary>Refuses to publish a sealed campaign whose data or seal record changed, naming the units, in Chinese.</summary>
    public static async Task<SealCheck> EnsureIntactAsync(KaoheDbContext db, int campaignId, CancellationToken ct)
    {
        var check = await CheckAsync(db, campaignId, ct);
        return check.MayPublish ? check : throw KaoheException.Conflict(AuditTexts.SealRefused, check.Message);
    }

    public static async Task<SealCheck> CheckAsync(KaoheDbContext db, int campaignId, CancellationToken ct)
    {
        var campaign = await LoadAsync(db, campaignId, ct);
        var id = campaignId.ToString(CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Campaign) && e.EntityId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var seals = entries.Where(e => e.After is { } a && a.Contains($"\"{DigestKey}\"", StringComparison.Ordinal)).ToList();
        var seal = seals.LastOrDefault();
        if (seals.Count > 1) return new(campaignId, campaign.Year, SealState.Resealed, null, [], false);
        if (seal is not null && !campaign.IsSealed) return new(campaignId, campaign.Year, SealState.Unsealed, null, [], false);
        if (seal is null) return new(campaignId, campaign.Year, await SealedBeforeKeysAsync(db, entries, ct) ? SealState.NotRecorded : SealState.Missing, null, [], false);
        if (seal.HashKind != AuditHashKind.HmacSha256 || AuditTrail.MacOf(seal, db.Guard) != seal.Hash)
            return new(campaignId, campaign.Year, SealState.Altered, null, [], false);
        var sealedDigest = Parse(seal.After!);
        var now = SealDigest.Of(campaign);
        if (now.Hex == sealedDigest.Hex) return new(campaignId, campaign.Year, SealState.Intact, sealedDigest.Code, [], false);
        var changed = sealedDigest.ChangedUnits(now);
        var names = await db.Units.AsNoTracking().Where(u => changed.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return new(campaignId, campaign.Year, SealState.Changed, sealedDigest.Code,
            changed.Select(u => names.GetValueOrDefault(u) ?? AuditTexts.UnknownUnit(u)).ToList(), sealedDigest.Settings != now.Settings);
    }

    /// <summary>The campaign with everything its seal covers, as stored.</summary>
    /// <summary>The campaigns sealed, or whose seal the chain holds (one unsealed behind Kaohe's back is checked too), by year.</summary>
    public static async Task<IReadOnlyList<int>> SealedCampaignsAsync(KaoheDbContext db, CancellationToken ct)
    {
        var sealedNow = await db.Campaigns.Where(c => c.Status == CampaignStatus.Sealed).Select(c => c.Id).ToListAsync(ct);
        var recorded = await db.AuditEntries.Where(e => e.EntityType == nameof(Campaign) && e.After != null && e.After.Contains(DigestKey))
            .Select(e => e.EntityId!).Distinct().ToListAsync(ct);
        var ids = sealedNow.Union(recorded.Select(id => int.Parse(id, CultureInfo.InvariantCulture))).ToList();
        return await db.Campaigns.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Year).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
    }

    internal static Task<Campaign> LoadAsync(KaoheDbContext db, int campaignId, CancellationToken ct) =>
        db.Campaigns.AsNoTracking().Include(c => c.Scheme).Include(c => c.Units).ThenInclude(u => u.Results).ThenInclude(r => r.Scores)
            .AsSplitQuery().FirstAsync(c => c.Id == campaignId, ct);

    // Sealed before issue 22 when the chain knows the campaign only from plain entries older than its first keyed one:
    // a campaign made since has a keyed entry, and a plain one after the first keyed entry is itself a rewrite.
    private static async Task<bool> SealedBeforeKeysAsync(KaoheDbContext db, List<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0 || entries.Any(e => e.HashKind != AuditHashKind.Sha256)) return false;
        var firstKeyed = await db.AuditEntries.Where(e => e.HashKind == AuditHashKind.HmacSha256).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        return firstKeyed is null || entries[^1].Id < firstKeyed;
    }

    private static SealDigest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var units = root.GetProperty(UnitsKey).EnumerateObject().ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => p.Value.GetString()!);
        return new SealDigest(root.GetProperty(DigestKey).GetString()!, root.GetProperty(SettingsKey).GetString()!, units);
    }
}
