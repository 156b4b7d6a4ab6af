using System.Globalization;
using Kaohe.Data;
using Kaohe.Domain.Ledger;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>One stored snapshot of 还款计划 rows to read for the figures, with its size for sharing out the work.</summary>
public sealed record StoredSnapshot(int Id, long Rows);

/// <summary>
/// Streams the stored instalments that the figures need (due by the as-of date) into the calculator,
/// on one connection per core: the snapshots are shared out by size, each share feeds its own part of
/// the calculator, and the parts are joined. SQLite rows come through SQLite's own statement API (no
/// per-row objects; the date text is parsed as in a file); PostgreSQL rows through binary COPY, read by <see cref="PostgresBinaryRows"/>.
/// </summary>
internal static class InstalmentRowsReader
{
    public static async Task ReadAsync(DatabaseTarget target, IReadOnlyList<StoredSnapshot> snapshots, DateOnly asOf, LedgerCalculator calc, CancellationToken ct)
    {
        var shares = Share(snapshots, Math.Max(1, Environment.ProcessorCount));
        var parts = shares.Select(_ => (LedgerCalculator)calc.NewPart(0)).ToArray();
        await Parallel.ForAsync(0, shares.Count, ct, async (i, token) =>
        {
            if (target.Provider == DatabaseProvider.Postgres) await ReadPostgresAsync(target.ConnectionString, shares[i], asOf, parts[i], token);
            else ReadSqlite(target.SqliteFilePath!, shares[i], asOf, parts[i]);
        });
        foreach (var part in parts) calc.Join(part);
    }

    /// <summary>Snapshot ids in <paramref name="count"/> shares of about equal rows (largest first, each to the lightest share).</summary>
    internal static List<List<int>> Share(IReadOnlyList<StoredSnapshot> snapshots, int count)
    {
        var shares = Enumerable.Range(0, Math.Min(count, snapshots.Count)).Select(_ => (Rows: 0L, Ids: new List<int>())).ToList();
        foreach (var s in snapshots.OrderByDescending(s => s.Rows))
        {
            var lightest = shares.MinBy(x => x.Rows);
            var i = shares.IndexOf(lightest);
            lightest.Ids.Add(s.Id);
            shares[i] = (lightest.Rows + s.Rows, lightest.Ids);
        }
        return shares.Select(s => s.Ids).ToList();
    }

    private static void ReadSqlite(string path, List<int> ids, DateOnly asOf, LedgerCalculator calc)
    {
        using var rows = new SqliteRows(path, $"""
            SELECT "UnitId", "BorrowerKey", "DueDate", "DuePrincipalFen" + "DueInterestFen", "PaidPrincipalFen" + "PaidInterestFen", "PaidDate"
            FROM "Instalments" WHERE "SnapshotId" IN ({string.Join(',', ids)}) AND "DueDate" <= '{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'
            """);
        while (rows.Read())
        {
            var paid = rows.IsNull(5) ? -1 : LedgerDate.ParseDayNumber(rows.Text(5));
            calc.Add(rows.Int32(0), rows.Int64(1), LedgerDate.ParseDayNumber(rows.Text(2)), rows.Int64(3), rows.Int64(4), paid);
        }
    }

    private static async Task ReadPostgresAsync(string connectionString, List<int> ids, DateOnly asOf, LedgerCalculator calc, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        // COPY takes no parameters: the ids are integers and the date is formatted here.
        var sql = $"""
            COPY (SELECT "UnitId", "BorrowerKey", "DueDate", "DuePrincipalFen" + "DueInterestFen", "PaidPrincipalFen" + "PaidInterestFen", "PaidDate"
                  FROM "Instalments" WHERE "SnapshotId" IN ({string.Join(',', ids)}) AND "DueDate" <= DATE '{asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}')
            TO STDOUT (FORMAT BINARY)
            """;
        // Read synchronously: an await per column of millions of rows costs more than the reading itself.
        using var rows = new PostgresBinaryRows(conn, sql);
        while (rows.StartRow(6))
            calc.Add(rows.Int32(), rows.Int64(), rows.Date(), rows.Int64(), rows.Int64(), rows.Date());
    }
}
