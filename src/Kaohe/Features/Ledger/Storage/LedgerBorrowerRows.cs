using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Adds the borrowers an import met for the first time (key and encrypted ID number) in bulk, in
/// the caller's transaction: binary COPY on PostgreSQL (<see cref="PostgresBinaryCopy"/>), a statement bound by position on SQLite.
/// </summary>
internal static class LedgerBorrowerRows
{
    public static void Write(DbConnection connection, IReadOnlyList<(long Key, byte[] Cipher)> borrowers)
    {
        if (borrowers.Count == 0) return;
        if (connection is NpgsqlConnection pg) Copy(pg, borrowers);
        else Insert((SqliteConnection)connection, borrowers);
    }

    private static void Copy(NpgsqlConnection connection, IReadOnlyList<(long Key, byte[] Cipher)> borrowers)
    {
        using var copy = new PostgresBinaryCopy(connection, """COPY "LedgerBorrowers" ("Key", "IdNumberCipher") FROM STDIN (FORMAT BINARY)""");
        foreach (var (key, cipher) in borrowers)
        {
            copy.StartRow(2);
            copy.Int64(key);
            copy.Bytes(cipher);
        }
        copy.Complete();
    }

    // OR IGNORE as a second guard: imports run one at a time (ImportLock), so the known keys are current.
    private static void Insert(SqliteConnection connection, IReadOnlyList<(long Key, byte[] Cipher)> borrowers)
    {
        using var insert = new SqliteStatement(connection, """INSERT OR IGNORE INTO "LedgerBorrowers" ("Key", "IdNumberCipher") VALUES (?1, ?2)""");
        foreach (var (key, cipher) in borrowers)
        {
            insert.Bind(1, key);
            insert.BindBlob(2, cipher);
            insert.Execute();
        }
    }
}
