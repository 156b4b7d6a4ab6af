using Npgsql;
using NpgsqlTypes;

namespace Kaohe.Features.Ledger;

/// <summary>PostgreSQL: binary COPY of the rows (the server's insert work runs on the other core meanwhile).</summary>
internal sealed class PostgresInstalmentWriter : InstalmentBulkWriter
{
    private readonly NpgsqlBinaryImporter _copy;
    private readonly InstalmentChunk _chunk = new();

    public PostgresInstalmentWriter(NpgsqlConnection conn, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector, HashSet<long> known)
        : base(conn, snapshots, protector, known)
    {
        _copy = conn.BeginBinaryImport("""
            COPY "Instalments" ("SnapshotId", "BorrowerKey", "Ordinal", "UnitId", "ContractNumber", "BorrowerName", "DueDate",
                "DuePrincipalFen", "DueInterestFen", "PaidPrincipalFen", "PaidInterestFen", "PaidDate") FROM STDIN (FORMAT BINARY)
            """);
        // A province's file takes a while to load: the import has no time limit of its own.
        _copy.Timeout = TimeSpan.FromHours(1);
    }

    private protected override InstalmentChunk FirstChunk() => _chunk;

    private protected override InstalmentChunk Write(InstalmentChunk chunk)
    {
        foreach (var run in chunk.Runs)
        {
            for (var i = run.Start; i < run.End; i++) Copy(chunk[i]);
        }
        chunk.Clear();
        return chunk;
    }

    private void Copy(in PendingInstalment row)
    {
        _copy.StartRow();
        _copy.Write(row.Snapshot, NpgsqlDbType.Integer);
        _copy.Write(row.BorrowerKey, NpgsqlDbType.Bigint);
        _copy.Write(row.Ordinal, NpgsqlDbType.Integer);
        _copy.Write(row.Unit, NpgsqlDbType.Integer);
        _copy.Write(row.Contract.Text, NpgsqlDbType.Varchar);
        _copy.Write(row.Name.Text, NpgsqlDbType.Varchar);
        _copy.Write(DateOnly.FromDayNumber(row.DueDay), NpgsqlDbType.Date);
        _copy.Write(row.DuePrincipal, NpgsqlDbType.Bigint);
        _copy.Write(row.DueInterest, NpgsqlDbType.Bigint);
        _copy.Write(row.PaidPrincipal, NpgsqlDbType.Bigint);
        _copy.Write(row.PaidInterest, NpgsqlDbType.Bigint);
        if (row.PaidDay < 0) _copy.WriteNull();
        else _copy.Write(DateOnly.FromDayNumber(row.PaidDay), NpgsqlDbType.Date);
    }

    private protected override void FinishRows()
    {
        _copy.Complete();
        _copy.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _copy.Dispose();
        base.Dispose(disposing);
    }
}
