using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>Which units of a file get a new snapshot, and the bookkeeping around it (supersede, count, audit).</summary>
internal sealed class SnapshotPlan
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<LedgerSnapshot> _created = [];
    public Dictionary<int, int> SnapshotOfUnit { get; } = [];
    public int Count => _created.Count;

    public static async Task<SnapshotPlan> CreateAsync(KaoheDbContext db, LedgerKind kind, string fileName, string sha, IEnumerable<int> unitIds,
        UserScope scope, CancellationToken ct)
    {
        var plan = new SnapshotPlan();
        var ids = unitIds.ToList();
        var existing = await db.LedgerSnapshots.Where(s => s.Kind == kind && ids.Contains(s.UnitId) && (s.SourceSha256 == sha || s.SupersededAtUtc == null)).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var unit in ids)
        {
            if (existing.Any(s => s.UnitId == unit && s.SourceSha256 == sha)) continue;
            foreach (var old in existing.Where(s => s.UnitId == unit && s.SupersededAtUtc == null)) old.SupersededAtUtc = now;
            var snapshot = new LedgerSnapshot { UnitId = unit, Kind = kind, ImportedAtUtc = now, ImportedBy = scope.UserName, SourceFileName = fileName, SourceSha256 = sha };
            db.LedgerSnapshots.Add(snapshot);
            plan._created.Add(snapshot);
        }
        if (plan.Count == 0) return plan;
        await db.SaveChangesAsync(ct);
        foreach (var s in plan._created) plan.SnapshotOfUnit[s.UnitId] = s.Id;
        return plan;
    }

    /// <summary>
    /// Stores the row counts and audits the import as one event (rows are not audited one by one), with each snapshot's
    /// row count and keyed digest (<see cref="LedgerRowDigest"/>), which `audit verify --data` holds its rows to.
    /// </summary>
    public async Task FinishAsync(KaoheDbContext db, long rows, IReadOnlyDictionary<int, int> rowsPerUnit, IReadOnlyDictionary<int, RecordedRows> digests,
        CancellationToken ct)
    {
        foreach (var s in _created) s.RowCount = rowsPerUnit.GetValueOrDefault(s.UnitId);
        await db.SaveChangesAsync(ct);
        var first = _created[0];
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Import, first.Kind == LedgerKind.Instalments ? nameof(Instalment) : nameof(Contract),
            _created.Count == 1 ? first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, _created.Count == 1 ? first.UnitId : null, null,
            JsonSerializer.Serialize(new
            {
                file = first.SourceFileName, sha256 = first.SourceSha256, units = _created.Count, rows, snapshots = _created.Select(s => s.Id),
                rowDigests = _created.ToDictionary(s => s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    s => digests.GetValueOrDefault(s.Id) ?? new RecordedRows(0, LedgerRowDigest.Empty(db.Guard.RowKey))),
            }, Json)), ct);
    }

    /// <summary>How a snapshot's rows were recorded at import, under <c>rowDigests</c>.</summary>
    internal sealed record RecordedRows(
        [property: System.Text.Json.Serialization.JsonPropertyName("行数")] long Rows,
        [property: System.Text.Json.Serialization.JsonPropertyName("摘要")] string Digest)
    {
        public const string Key = "rowDigests";
    }
}
