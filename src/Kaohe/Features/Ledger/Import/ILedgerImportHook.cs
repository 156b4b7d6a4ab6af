namespace Kaohe.Features.Ledger;

/// <summary>What one import did to the collection cases of the units it covered: the counts the import's result carries.</summary>
public sealed record CaseSyncResult(int Opened, int Updated, int Closed, int PromisesKept, int PromisesBroken)
{
    public static readonly CaseSyncResult None = new(0, 0, 0, 0, 0);

    public CaseSyncResult Plus(CaseSyncResult o) =>
        new(Opened + o.Opened, Updated + o.Updated, Closed + o.Closed, PromisesKept + o.PromisesKept, PromisesBroken + o.PromisesBroken);
}

/// <summary>
/// Work a higher area does inside a 还款计划 import's transaction, once the new snapshots are written and before the
/// commit (the collection cases follow the snapshots: <c>CaseSync</c>); a failure rolls the whole import back.
/// Registered in <c>KaoheServices</c>; <see cref="ImportLedger"/> runs each in order, on its own context.
/// </summary>
public interface ILedgerImportHook
{
    /// <param name="snapshotOfUnit">The new current snapshot of each unit the import replaced.</param>
    /// <param name="asOf">The import's Beijing date.</param>
    Task<CaseSyncResult> RunAsync(IReadOnlyDictionary<int, int> snapshotOfUnit, DateOnly asOf, CancellationToken ct);
}
