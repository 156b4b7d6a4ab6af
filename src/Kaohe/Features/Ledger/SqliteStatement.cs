using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A prepared statement on an open connection (and its current transaction), bound by position
/// through SQLitePCL. Microsoft.Data.Sqlite's command costs more per row than SQLite's own insert:
/// it looks each parameter up by name and allocates on every execution; bulk writers bind here instead.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _utf8 = new byte[256];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("connection not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>Binds parameter <paramref name="index"/> (1-based, as SQLite counts).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_stmt, index, value));

    /// <summary>Binds UTF-8 text; SQLite copies it. (An empty span would reach SQLite as a null pointer, which means NULL.)</summary>
    public void BindText(int index, ReadOnlySpan<byte> utf8) =>
        Check(utf8.IsEmpty ? raw.sqlite3_bind_text(_stmt, index, string.Empty) : raw.sqlite3_bind_text(_stmt, index, utf8));

    public void BindBlob(int index, ReadOnlySpan<byte> bytes) => Check(raw.sqlite3_bind_blob(_stmt, index, bytes));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(_stmt, index));

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
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    public void Dispose() => _stmt.Dispose();
}
