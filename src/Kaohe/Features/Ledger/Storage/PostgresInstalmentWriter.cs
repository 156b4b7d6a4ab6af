using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>PostgreSQL: binary COPY of the rows, written by <see cref="PostgresBinaryCopy"/> (the server inserts on the other core meanwhile).</summary>
internal sealed class PostgresInstalmentWriter : InstalmentBulkWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresBinaryCopy _copy;
    private readonly InstalmentChunk _chunk = new();

    /// <summary>Owns <paramref name="encryptor"/> from the call on, also when it throws (a COPY the server refuses).</summary>
    public PostgresInstalmentWriter(NpgsqlConnection conn, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector,
        PersonalDataProtector.BulkEncryptor encryptor, HashSet<long> known, CancellationToken ct)
        : base(conn, snapshots, protector, encryptor, known, ct)
    {
        _connection = conn;
        try
        {
            _copy = new PostgresBinaryCopy(conn, """
                COPY "Instalments" ("SnapshotId", "BorrowerKey", "Ordinal", "UnitId", "ContractNumber", "BorrowerName", "DueDate",
                    "DuePrincipalFen", "DueInterestFen", "PaidPrincipalFen", "PaidInterestFen", "PaidDate") FROM STDIN (FORMAT BINARY)
                """);
        }
        catch
        {
            Dispose();
            throw;
        }
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
        _copy.StartRow(12);
        _copy.Int32(row.Snapshot);
        _copy.Int64(row.BorrowerKey);
        _copy.Int32(row.Ordinal);
        _copy.Int32(row.Unit);
        _copy.Bytes(row.Contract.Utf8);
        _copy.Bytes(row.Name.Utf8);
        _copy.Date(row.DueDay);
        _copy.Int64(row.DuePrincipal);
        _copy.Int64(row.DueInterest);
        _copy.Int64(row.PaidPrincipal);
        _copy.Int64(row.PaidInterest);
        _copy.Date(row.PaidDay);
    }

    /// <summary>
    /// Ends the COPY, then makes the new rows fast to find at once: the BRIN index summarizes the block
    /// ranges the rows filled (unsummarized ranges are read whole by every lookup), and ANALYZE gives the
    /// planner the table's new size and order (without it, it scans the table for a borrower's page).
    /// </summary>
    private protected override void FinishRows()
    {
        _copy.Complete();
        using var ready = new NpgsqlCommand("""
            SELECT brin_summarize_new_values('"IX_Instalments_SnapshotId_BorrowerKey"'::regclass);
            ANALYZE "Instalments";
            """, _connection) { CommandTimeout = 3600 };
        ready.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _copy?.Dispose(); // null only when the constructor failed
        base.Dispose(disposing);
    }
}
