using System.Runtime.InteropServices;
using static Kaohe.Features.Ledger.SqliteNative;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A read-only SQLite statement driven through the engine's C API directly, for reading millions of rows
/// without per-row objects: the connection is opened without SQLite's own mutex (it is used by one thread),
/// and handles are plain pointers, so a column read is one native call. The library is the e_sqlite3 that
/// Microsoft.Data.Sqlite ships with the application.
/// </summary>
internal sealed class SqliteRows : IDisposable
{
    private readonly IntPtr _db;
    private readonly IntPtr _stmt;
    private readonly byte[] _text = new byte[64];

    public SqliteRows(string path, string sql)
    {
        Check(sqlite3_open_v2(Utf8z(path), out _db, OpenReadOnly | OpenNoMutex, IntPtr.Zero));
        Check(sqlite3_prepare_v2(_db, Utf8z(sql), -1, out _stmt, IntPtr.Zero));
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Read()
    {
        var rc = sqlite3_step(_stmt);
        if (rc == Row) return true;
        if (rc == Done) return false;
        throw new InvalidOperationException($"SQLite: {Marshal.PtrToStringUTF8(sqlite3_errmsg(_db))}");
    }

    public int Int32(int column) => sqlite3_column_int(_stmt, column);

    public long Int64(int column) => sqlite3_column_int64(_stmt, column);

    public bool IsNull(int column) => sqlite3_column_type(_stmt, column) == NullType;

    /// <summary>A short text column's bytes, valid until the next call (empty when longer than 64 bytes).</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        var p = sqlite3_column_blob(_stmt, column);
        var n = sqlite3_column_bytes(_stmt, column);
        if (n > _text.Length || p == IntPtr.Zero) return default;
        Marshal.Copy(p, _text, 0, n);
        return _text.AsSpan(0, n);
    }

    public void Dispose()
    {
        _ = sqlite3_finalize(_stmt);
        _ = sqlite3_close_v2(_db);
    }

    private void Check(int rc)
    {
        if (rc == Ok) return;
        var message = _db == IntPtr.Zero ? $"SQLite error {rc}" : Marshal.PtrToStringUTF8(sqlite3_errmsg(_db));
        if (_db != IntPtr.Zero) _ = sqlite3_close_v2(_db);
        throw new InvalidOperationException(message);
    }

    private static byte[] Utf8z(string s) => System.Text.Encoding.UTF8.GetBytes(s + "\0");
}
