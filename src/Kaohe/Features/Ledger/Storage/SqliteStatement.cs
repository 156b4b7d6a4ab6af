using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A prepared statement on an open connection (and its current transaction), bound by position.
/// Microsoft.Data.Sqlite's command costs more per row than SQLite's own insert: it looks each
/// parameter up by name and allocates on every execution. Binding, stepping and resetting call
/// the library directly (<see cref="SqliteNative"/>); preparing and errors go through SQLitePCL.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _handle;
    private static readonly byte[] NonNull = [0];
    private byte[] _utf8 = new byte[256];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        // The direct calls go to the library SQLitePCL loaded: the bundle Microsoft.Data.Sqlite ships.
        if (raw.GetNativeLibraryName() != SqliteNative.Library) throw new NotSupportedException($"SQLite 库为 {raw.GetNativeLibraryName()}，批量写入需要 {SqliteNative.Library}");
        _db = connection.Handle ?? throw new InvalidOperationException("connection not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _handle = _stmt.DangerousGetHandle();
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, as SQLite counts).</summary>
    public void Bind(int index, long value) => Check(SqliteNative.sqlite3_bind_int64(_handle, index, value));

    /// <summary>Binds UTF-8 text; SQLite copies it. (An empty span has no address, and a null pointer would bind NULL, not ''.)</summary>
    public void BindText(int index, ReadOnlySpan<byte> utf8) =>
        Check(SqliteNative.sqlite3_bind_text(_handle, index, ref MemoryMarshal.GetReference(utf8.IsEmpty ? NonNull : utf8), utf8.Length, SqliteNative.Transient));

    public void BindBlob(int index, ReadOnlySpan<byte> bytes) => Check(raw.sqlite3_bind_blob(_stmt, index, bytes));

    public void BindNull(int index) => Check(SqliteNative.sqlite3_bind_null(_handle, index));

    public void BindText(int index, byte[]? utf8)
    {
        if (utf8 is null) BindNull(index);
        else BindText(index, utf8.AsSpan());
    }

    /// <summary>Binds a string as UTF-8 (through a reused buffer: SQLite copies it), or NULL.</summary>
    public void BindText(int index, string? text)
    {
        if (text is null)
        {
            BindNull(index);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > _utf8.Length) _utf8 = new byte[length];
        BindText(index, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8)));
    }

    public void BindBlob(int index, byte[]? bytes)
    {
        if (bytes is null) BindNull(index);
        else BindBlob(index, bytes.AsSpan());
    }

    /// <summary>Runs the statement once with the bound values and makes it ready for the next.</summary>
    public void Execute()
    {
        var rc = SqliteNative.sqlite3_step(_handle);
        _ = SqliteNative.sqlite3_reset(_handle); // returns the step's error again, already in hand
        if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    public void Dispose() => _stmt.Dispose();
}
