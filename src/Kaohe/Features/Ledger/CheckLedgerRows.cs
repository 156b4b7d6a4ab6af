using System.Globalization;
using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The ledger's part of `audit verify --data` (<see cref="IAuditedBulkData"/>): every snapshot's rows, read back,
/// against the count and keyed digest its import recorded in the chain (<see cref="LedgerRowDigest"/>); rows of a
/// snapshot that does not exist are listed too. A snapshot imported before the digest was recorded is counted apart.
/// </summary>
public sealed class CheckLedgerRows(KaoheDbContext db) : IAuditedBulkData
{
    public async Task<BulkCheck> CheckAsync(CancellationToken ct)
    {
        var recorded = await RecordedAsync(ct);
        var snapshots = await db.LedgerSnapshots.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Kind, Unit = s.Unit.Name }).ToListAsync(ct);
        var digests = new Dictionary<int, LedgerRowDigest>();
        LedgerRowDigest Of(int snapshot) => digests.TryGetValue(snapshot, out var d) ? d : digests[snapshot] = new LedgerRowDigest(db.Guard.RowKey);
        // In the order the import wrote them, the order its digest was made in.
        await foreach (var i in db.Instalments.AsNoTracking().OrderBy(i => i.SnapshotId).ThenBy(i => i.Ordinal).AsAsyncEnumerable().WithCancellation(ct))
            Of(i.SnapshotId).AddInstalment(i);
        await foreach (var c in db.Contracts.AsNoTracking().OrderBy(c => c.SnapshotId).ThenBy(c => c.Id).AsAsyncEnumerable().WithCancellation(ct))
            Of(c.SnapshotId).AddContract(c);

        var differences = new List<string>();
        var unrecorded = 0;
        foreach (var s in snapshots)
        {
            var now = digests.GetValueOrDefault(s.Id);
            var (rows, hex) = (now?.Rows ?? 0, now?.Hex ?? LedgerRowDigest.Empty(db.Guard.RowKey));
            if (!recorded.TryGetValue(s.Id, out var then)) unrecorded++;
            else if (rows != then.Rows) differences.Add(LedgerTexts.SnapshotRowCount(s.Id, s.Unit, EnumNames.Of(typeof(LedgerKind), (int)s.Kind), rows, then.Rows));
            else if (hex != then.Digest) differences.Add(LedgerTexts.SnapshotRowsChanged(s.Id, s.Unit, EnumNames.Of(typeof(LedgerKind), (int)s.Kind)));
        }
        var known = snapshots.Select(s => s.Id).ToHashSet();
        differences.AddRange(digests.Where(d => !known.Contains(d.Key)).Select(d => LedgerTexts.RowsWithoutSnapshot(d.Key, d.Value.Rows)));
        var rowsChecked = digests.Values.Sum(d => d.Rows);
        LedgerRowDigest.Take(digests);
        return new BulkCheck(LedgerTexts.RowsChecked(snapshots.Count, rowsChecked, unrecorded), differences);
    }

    /// <summary>Each snapshot's count and digest, from the imports' entries (<c>rowDigests</c>).</summary>
    private async Task<Dictionary<int, SnapshotPlan.RecordedRows>> RecordedAsync(CancellationToken ct)
    {
        var result = new Dictionary<int, SnapshotPlan.RecordedRows>();
        var types = new[] { nameof(Instalment), nameof(Contract) };
        await foreach (var after in db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.Import && types.Contains(e.EntityType) && e.After != null)
            .OrderBy(e => e.Id).Select(e => e.After!).AsAsyncEnumerable().WithCancellation(ct))
        {
            using var document = JsonDocument.Parse(after);
            if (!document.RootElement.TryGetProperty(SnapshotPlan.RecordedRows.Key, out var digests)) continue;
            foreach (var p in digests.EnumerateObject())
                result[int.Parse(p.Name, CultureInfo.InvariantCulture)] = p.Value.Deserialize<SnapshotPlan.RecordedRows>()!;
        }
        return result;
    }
}
