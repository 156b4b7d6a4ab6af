using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kaohe.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kaohe.Data;

/// <summary>What one save is about to change, captured before the save so that "before" values survive it.</summary>
internal sealed class PendingChange(EntityEntry entry, EntityState state, Dictionary<string, object?>? before)
{
    // Which properties changed must be read before the save: afterwards every property is "unchanged".
    private readonly HashSet<string>? _modified = state == EntityState.Modified
        ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet()
        : null;

    public AuditDraft ToDraft()
    {
        var after = state == EntityState.Deleted ? null : AuditCapture.Values(entry, _modified);
        return new AuditDraft(
            state switch { EntityState.Added => AuditActions.Create, EntityState.Deleted => AuditActions.Delete, _ => AuditActions.Update },
            entry.Metadata.ClrType.Name,
            AuditCapture.KeyOf(entry),
            AuditCapture.UnitOf(entry),
            AuditCapture.ToJson(before),
            AuditCapture.ToJson(after));
    }
}

internal static class AuditCapture
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<PendingChange> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var changes = new List<PendingChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var type = entry.Metadata.ClrType;
            if (type == typeof(AuditEntry) || type.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            var before = entry.State == EntityState.Added ? null
                : Values(entry, entry.State == EntityState.Modified ? entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToHashSet() : null, original: true);
            changes.Add(new PendingChange(entry, entry.State, before));
        }
        return changes;
    }

    /// <summary>The entity's values, or only those of <paramref name="only"/> when given.</summary>
    public static Dictionary<string, object?> Values(EntityEntry entry, HashSet<string>? only, bool original = false)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
        {
            if (only is not null && !only.Contains(p.Metadata.Name)) continue;
            var redacted = p.Metadata.PropertyInfo?.GetCustomAttribute<AuditRedactedAttribute>() is not null;
            values[p.Metadata.Name] = redacted ? "***" : original ? p.OriginalValue : p.CurrentValue;
        }
        return values;
    }

    public static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? null : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    public static int? UnitOf(EntityEntry entry)
    {
        if (entry.Metadata.ClrType == typeof(Domain.Units.Unit)) return (int?)entry.Property("Id").CurrentValue;
        var unit = entry.Metadata.FindProperty("UnitId");
        return unit is null ? null : entry.Property(unit.Name).CurrentValue as int?;
    }

    public static string? ToJson(Dictionary<string, object?>? values) =>
        values is null || values.Count == 0 ? null : JsonSerializer.Serialize(values, Json);
}
