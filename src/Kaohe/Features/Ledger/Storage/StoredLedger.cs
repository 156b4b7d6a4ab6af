using System.Data.Common;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>One stored snapshot as the figures need it.</summary>
internal sealed record SnapshotRow(int Id, LedgerKind Kind, int UnitId, long Rows);

/// <summary>
/// The stored ledger's snapshots and contracts read over a plain connection, for the figures. Entity
/// Framework's start-up (model, first query plans) was 0.6 s of a `kaohe ledger stats` command that
/// otherwise streams rows; the web app pays it once, a command every time. Ids are integers, written
/// into the SQL as such.
/// </summary>
internal static class StoredLedger
{
    /// <summary>The current snapshots, or the given ones (an earlier state), of every unit.</summary>
    public static async Task<List<SnapshotRow>> SnapshotsAsync(DbConnection conn, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var which = ids is null ? """ "SupersededAtUtc" IS NULL""" : $""" "Id" IN ({Join(ids)})""";
        var rows = new List<SnapshotRow>();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""SELECT "Id", "Kind", "UnitId", "RowCount" FROM "LedgerSnapshots" WHERE {which}""";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new SnapshotRow(reader.GetInt32(0), (LedgerKind)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return rows;
    }

    /// <summary>Feeds the 合同台账 rows of the given snapshots to the calculator.</summary>
    public static async Task AddContractsAsync(DbConnection conn, IReadOnlyCollection<int> snapshotIds, LedgerCalculator calc, CancellationToken ct)
    {
        if (snapshotIds.Count == 0) return;
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"""
            SELECT "UnitId", "BorrowerKey", "SchoolYear", "Status", "ReceiptEnteredOn", "EnrolmentYear" + "StudyYears", "GraduationConfirmedOn"
            FROM "Contracts" WHERE "SnapshotId" IN ({Join(snapshotIds)})
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            calc.AddContract(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2), (ContractStatus)reader.GetInt32(3),
                Day(reader, 4), reader.GetInt32(5), Day(reader, 6));
    }

    private static int Day(DbDataReader reader, int column) => reader.IsDBNull(column) ? -1 : reader.GetFieldValue<DateOnly>(column).DayNumber;

    private static string Join(IEnumerable<int> ids) => string.Join(',', ids);
}
