using System.Collections.Concurrent;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Assessment;

/// <summary>
/// The province's ledger figures for a rule "不高于全省", kept per as-of date, year and set of current snapshots.
/// A snapshot's rows never change (a re-import supersedes it, which changes the key), so an entry never goes stale;
/// without this every unit page and every save would stream the whole province's ledger.
/// </summary>
public sealed class ProvinceFigureCache
{
    private const int MaxEntries = 32;
    private readonly ConcurrentDictionary<string, LedgerTotals> _entries = new(StringComparer.Ordinal);

    public async Task<LedgerTotals> GetAsync(string key, Func<Task<LedgerTotals>> compute)
    {
        if (_entries.TryGetValue(key, out var totals)) return totals;
        totals = await compute();
        if (_entries.Count >= MaxEntries) _entries.Clear(); // keys of superseded snapshot sets are never asked for again
        _entries[key] = totals;
        return totals;
    }
}
