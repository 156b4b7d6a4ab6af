using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kaohe.Data;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Kaohe.Features.Audit;

/// <param name="Differences">One line per row that differs from what the chain recorded, exists without an entry, or is gone without one; in Chinese.</param>
public sealed record DataCheck(long RowsChecked, IReadOnlyList<string> Differences, IReadOnlyList<string> BulkChecked)
{
    public bool IsClean => Differences.Count == 0;
}

/// <summary>
/// `kaohe audit verify --data` (issue 22 §3): finds data changed outside Kaohe. Every audited row's state is rebuilt
/// from the chain (its creation's values, then each change's), and compared field by field with the row as stored;
/// a row the chain never created, or one it holds but the table lost, is listed too. Bulk rows, audited per import
/// rather than one by one, are checked by the areas that keep them (<see cref="IAuditedBulkData"/>: the ledger's
/// snapshots, by row count and keyed digest). Fields kept out of the chain (<see cref="AuditRedactedAttribute"/>)
/// cannot be compared, nor fields added after a row's last entry.
/// </summary>
public sealed class CheckAuditedData(KaoheDbContext db, IEnumerable<IAuditedBulkData> bulk)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const int MaxListed = 200;

    public async Task<DataCheck> HandleAsync(CancellationToken ct = default)
    {
        var recorded = await RecordedAsync(ct);
        var differences = new List<string>();
        long rows = 0;
        foreach (var type in AuditedTypes())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var states = recorded.GetValueOrDefault(type.ClrType.Name) ?? [];
            await foreach (var row in Rows(type.ClrType).WithCancellation(ct))
            {
                rows++;
                var entry = db.Entry(row);
                var key = AuditCapture.KeyOf(entry) ?? "";
                seen.Add(key);
                var changed = states.GetValueOrDefault(key) is { } state ? Changed(type, AuditCapture.Values(entry, null), state) : null;
                if (changed is null) differences.Add(AuditTexts.RowWithoutEntry(type.ClrType.Name, key));
                else if (changed.Count > 0) differences.Add(AuditTexts.RowDiffers(type.ClrType.Name, key, changed.Select(AuditFieldNames.Label)));
            }
            db.ChangeTracker.Clear();
            differences.AddRange(states.Where(s => s.Value is not null && !seen.Contains(s.Key)).Select(s => AuditTexts.RowGone(type.ClrType.Name, s.Key)));
        }
        var checkedBulk = new List<string>();
        foreach (var source in bulk)
        {
            var check = await source.CheckAsync(ct);
            differences.AddRange(check.Differences);
            checkedBulk.Add(check.Checked);
        }
        return new(rows, differences.Count > MaxListed ? [.. differences.Take(MaxListed), AuditTexts.MoreDifferences(differences.Count - MaxListed)] : differences, checkedBulk);
    }

    /// <summary>Per type and key, the fields as the chain last left them (raw JSON), or null for a row it deleted.</summary>
    private async Task<Dictionary<string, Dictionary<string, Dictionary<string, string>?>>> RecordedAsync(CancellationToken ct)
    {
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, string>?>>(StringComparer.Ordinal);
        var actions = new[] { AuditActions.Create, AuditActions.Update, AuditActions.Delete };
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => actions.Contains(e.Action) && e.EntityId != null).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.EntityType, e.EntityId, e.After }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!result.TryGetValue(e.EntityType, out var rows)) result[e.EntityType] = rows = new(StringComparer.Ordinal);
            if (e.Action == AuditActions.Delete) { rows[e.EntityId!] = null; continue; }
            var state = e.Action == AuditActions.Create || rows.GetValueOrDefault(e.EntityId!) is not { } known ? new Dictionary<string, string>(StringComparer.Ordinal) : known;
            if (e.After is { } after && after.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(after);
                foreach (var p in document.RootElement.EnumerateObject()) state[p.Name] = p.Value.GetRawText();
            }
            rows[e.EntityId!] = state;
        }
        return result;
    }

    /// <summary>The fields whose stored value is not the recorded one; fields the chain never recorded are not compared.</summary>
    private static List<string> Changed(IEntityType type, Dictionary<string, object?> current, Dictionary<string, string> recorded) =>
        current.Where(p => recorded.TryGetValue(p.Key, out var was) && !Same(type.FindProperty(p.Key)?.ClrType, was, p.Value)).Select(p => p.Key).ToList();

    // The recorded value is what was in memory at the save; the stored one has gone through the database, which keeps
    // an instant to the microsecond (PostgreSQL) and may give back a UTC time without its kind (SQLite), 92.50 as 92.5.
    private static bool Same(Type? type, string recorded, object? current)
    {
        var now = JsonSerializer.Serialize(current, Json);
        if (now == recorded) return true;
        if (current is null || recorded == "null") return false;
        return (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) switch
        {
            var t when t == typeof(DateTime) => Microseconds(JsonSerializer.Deserialize<DateTime>(recorded)) == Microseconds((DateTime)current),
            var t when t == typeof(DateTimeOffset) => JsonSerializer.Deserialize<DateTimeOffset>(recorded).UtcTicks / 10 == ((DateTimeOffset)current).UtcTicks / 10,
            var t when t == typeof(decimal) => decimal.Parse(recorded, NumberStyles.Float, CultureInfo.InvariantCulture) == (decimal)current,
            _ => false,
        };
    }

    private static long Microseconds(DateTime t) => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).Ticks / 10;

    private IEnumerable<IEntityType> AuditedTypes() => db.Model.GetEntityTypes()
        .Where(t => !t.IsOwned() && t.FindPrimaryKey() is not null && t.ClrType != typeof(AuditEntry) && !t.HasSharedClrType
            && t.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null)
        .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);

    private IAsyncEnumerable<object> Rows(Type type) =>
        (IAsyncEnumerable<object>)typeof(KaoheDbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;
}

/// <summary>
/// Bulk rows an area keeps outside the one-entry-per-row audit (the ledger's snapshots), which the chain records per
/// import with a count and a keyed digest; the area checks its rows against that record for `audit verify --data`.
/// </summary>
public interface IAuditedBulkData
{
    Task<BulkCheck> CheckAsync(CancellationToken ct);
}

/// <param name="Checked">What was checked, as the report says it (“台账快照 12 个，共 1,000,000 行”).</param>
/// <param name="Differences">Each snapshot whose rows differ from its import's record, in Chinese.</param>
public sealed record BulkCheck(string Checked, IReadOnlyList<string> Differences);
