using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>A 合同台账 row as stored: the validated record with its snapshot, borrower key and ciphertexts.</summary>
internal sealed record StoredContract(int Snapshot, ContractRecord Record, long BorrowerKey, byte[] IdCipher, byte[]? CoBorrowerIdCipher, byte[]? PhoneCipher);

/// <summary>
/// Writes 合同台账 rows in bulk in the caller's transaction, with the columns and value forms EF uses
/// (dates as ISO text on SQLite, the status as its number): SQLite through a statement bound by
/// position, PostgreSQL through binary COPY (<see cref="PostgresBinaryCopy"/>). Entity Framework took 30 s for a province's 370 k contracts.
/// </summary>
internal abstract class ContractRows : IDisposable
{
    private protected const string ColumnList = """
        "SnapshotId", "UnitId", "ContractNumber", "SchoolYear", "BorrowerKey", "IdNumberCipher", "BorrowerName", "CoBorrowerName",
        "CoBorrowerIdNumberCipher", "PhoneCipher", "University", "StudyYears", "EnrolmentYear", "AmountFen", "Status", "ReceiptEnteredOn", "GraduationConfirmedOn"
        """;

    public static ContractRows Create(DbConnection connection) => connection is NpgsqlConnection pg
        ? new PostgresContractRows(pg)
        : new SqliteContractRows((SqliteConnection)connection);

    public abstract void Write(StoredContract row);

    /// <summary>Ends the rows; call after the last one.</summary>
    public abstract void Complete();

    public abstract void Dispose();
}

internal sealed class SqliteContractRows(SqliteConnection connection) : ContractRows
{
    private readonly SqliteStatement _insert = new(connection,
        $"INSERT INTO \"Contracts\" ({ColumnList}) VALUES ({string.Join(',', Enumerable.Range(1, 17).Select(i => $"?{i}"))})");

    public override void Write(StoredContract row)
    {
        var (s, r) = (_insert, row.Record);
        s.Bind(1, row.Snapshot);
        s.Bind(2, r.UnitId);
        s.BindText(3, r.ContractNumber);
        s.Bind(4, r.SchoolYear);
        s.Bind(5, row.BorrowerKey);
        s.BindBlob(6, row.IdCipher);
        s.BindText(7, r.BorrowerName);
        s.BindText(8, r.CoBorrowerName);
        s.BindBlob(9, row.CoBorrowerIdCipher);
        s.BindBlob(10, row.PhoneCipher);
        s.BindText(11, r.University);
        s.Bind(12, r.StudyYears);
        s.Bind(13, r.EnrolmentYear);
        s.Bind(14, r.AmountFen);
        s.Bind(15, (int)r.Status);
        s.BindText(16, Day(r.ReceiptDay));
        s.BindText(17, Day(r.ConfirmedDay));
        s.Execute();
    }

    private static string? Day(int dayNumber) =>
        dayNumber < 0 ? null : DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override void Complete() { }

    public override void Dispose() => _insert.Dispose();
}

internal sealed class PostgresContractRows(NpgsqlConnection connection) : ContractRows
{
    private readonly PostgresBinaryCopy _copy = new(connection, $"COPY \"Contracts\" ({ColumnList}) FROM STDIN (FORMAT BINARY)");

    public override void Write(StoredContract row)
    {
        var (c, r) = (_copy, row.Record);
        c.StartRow(17);
        c.Int32(row.Snapshot);
        c.Int32(r.UnitId);
        c.Text(r.ContractNumber);
        c.Int32(r.SchoolYear);
        c.Int64(row.BorrowerKey);
        c.Bytes(row.IdCipher);
        c.Text(r.BorrowerName);
        c.Text(r.CoBorrowerName);
        c.Bytes(row.CoBorrowerIdCipher);
        c.Bytes(row.PhoneCipher);
        c.Text(r.University);
        c.Int32(r.StudyYears);
        c.Int32(r.EnrolmentYear);
        c.Int64(r.AmountFen);
        c.Int32((int)r.Status);
        c.Date(r.ReceiptDay);
        c.Date(r.ConfirmedDay);
    }

    public override void Complete() => _copy.Complete();

    public override void Dispose() => _copy.Dispose();
}
