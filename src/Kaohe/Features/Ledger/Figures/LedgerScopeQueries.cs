using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>The current (not superseded) ledger rows an account may see: every ledger page and export starts here.</summary>
public static class LedgerScopeQueries
{
    public static IQueryable<int> CurrentSnapshotIds(this KaoheDbContext db, UserScope scope, LedgerKind kind) =>
        db.CurrentSnapshots(scope, kind, null, null).Select(s => s.Id);

    /// <summary>
    /// The current 还款计划 rows, of one city or one unit when given. The unit filter goes on the
    /// snapshots: a row's key starts with its snapshot, so the rows are then found by the key
    /// instead of by reading every unit's rows.
    /// </summary>
    public static IQueryable<Instalment> CurrentInstalments(this KaoheDbContext db, UserScope scope, int? cityGroupId = null, int? unitId = null)
    {
        var ids = db.CurrentSnapshots(scope, LedgerKind.Instalments, cityGroupId, unitId).Select(s => s.Id);
        return db.Instalments.Where(i => ids.Contains(i.SnapshotId));
    }

    public static IQueryable<Contract> CurrentContracts(this KaoheDbContext db, UserScope scope, int? unitId = null)
    {
        var ids = db.CurrentSnapshots(scope, LedgerKind.Contracts, null, unitId).Select(s => s.Id);
        return db.Contracts.Where(c => ids.Contains(c.SnapshotId));
    }

    private static IQueryable<LedgerSnapshot> CurrentSnapshots(this KaoheDbContext db, UserScope scope, LedgerKind kind, int? cityGroupId, int? unitId)
    {
        var units = db.UnitIdsVisibleTo(scope);
        var snapshots = db.LedgerSnapshots.Where(s => s.Kind == kind && s.SupersededAtUtc == null && units.Contains(s.UnitId));
        if (unitId is { } u) snapshots = snapshots.Where(s => s.UnitId == u);
        if (cityGroupId is { } c) snapshots = snapshots.Where(s => s.Unit.CityGroupId == c);
        return snapshots;
    }
}

/// <summary>
/// One borrower's position as of a date, by the same definitions as the unit figures
/// (docs/ledger-figures.md): an instalment counts as paid only when 实还日期 ≤ D, never beyond its due.
/// </summary>
public sealed record BorrowerPosition(long DueFen, long PaidFen, long OverdueFen, DateOnly? OldestUnpaid, DateOnly AsOf)
{
    public int DaysOverdue => OldestUnpaid is { } d && OverdueFen > 0 ? AsOf.DayNumber - d.DayNumber : 0;

    /// <summary>1年以内 (1–365 days), 1–2年, 2–3年, 3年以上 (<see cref="LedgerTotals.BucketNames"/>); null when not overdue.</summary>
    public string? Bucket => OverdueFen <= 0 ? null : LedgerTotals.BucketNames[DaysOverdue switch
    {
        <= 365 => 0,
        <= 730 => 1,
        <= 1095 => 2,
        _ => 3,
    }];

    public static long PaidBy(DateOnly asOf, long due, long paid, DateOnly? paidDate) => paidDate is { } p && p <= asOf ? Math.Min(paid, due) : 0;

    public static BorrowerPosition Of(IEnumerable<(DateOnly DueDate, long Due, long Paid, DateOnly? PaidDate)> instalments, DateOnly asOf)
    {
        long due = 0, paid = 0;
        DateOnly? oldest = null;
        foreach (var i in instalments.Where(i => i.DueDate <= asOf))
        {
            var p = PaidBy(asOf, i.Due, i.Paid, i.PaidDate);
            due += i.Due;
            paid += p;
            if (p < i.Due && (oldest is null || i.DueDate < oldest)) oldest = i.DueDate;
        }
        return new BorrowerPosition(due, paid, due - paid, oldest, asOf);
    }
}
