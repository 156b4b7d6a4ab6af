using System.Runtime.InteropServices;

namespace Kaohe.Features.Ledger;

/// <summary>
/// SQLite's C functions, called directly for the per-row work of the bulk paths (<see cref="SqliteStatement"/>
/// writes, <see cref="SqliteRows"/> reads). The library is the e_sqlite3 that Microsoft.Data.Sqlite ships with
/// the application. Through SQLitePCL every call counts a safe handle up and down and makes a GC transition: on
/// 60 M calls for 5 M rows that was 1-1.8 s of an 11-14 s import (docs/benchmarks.md). Calls that neither block
/// nor call back skip the GC transition; the step and opening may do I/O and keep it.
/// </summary>
internal static class SqliteNative
{
    public const string Library = "e_sqlite3";

    public const int Ok = 0, Row = 100, Done = 101, NullType = 5;
    public const int OpenReadOnly = 0x1, OpenNoMutex = 0x8000;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the value before the call returns.</summary>
    public static readonly IntPtr Transient = -1;

    [DllImport(Library)] public static extern int sqlite3_open_v2(byte[] path, out IntPtr db, int flags, IntPtr vfs);
    [DllImport(Library)] public static extern int sqlite3_prepare_v2(IntPtr db, byte[] sql, int bytes, out IntPtr stmt, IntPtr tail);
    [DllImport(Library)] public static extern int sqlite3_step(IntPtr stmt);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_reset(IntPtr stmt);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_bind_int64(IntPtr stmt, int index, long value);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_bind_text(IntPtr stmt, int index, ref byte text, int length, IntPtr destructor);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_bind_null(IntPtr stmt, int index);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_column_int(IntPtr stmt, int column);
    [DllImport(Library), SuppressGCTransition] public static extern long sqlite3_column_int64(IntPtr stmt, int column);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_column_type(IntPtr stmt, int column);
    [DllImport(Library), SuppressGCTransition] public static extern IntPtr sqlite3_column_blob(IntPtr stmt, int column);
    [DllImport(Library), SuppressGCTransition] public static extern int sqlite3_column_bytes(IntPtr stmt, int column);
    [DllImport(Library)] public static extern IntPtr sqlite3_errmsg(IntPtr db);
    [DllImport(Library)] public static extern int sqlite3_finalize(IntPtr stmt);
    [DllImport(Library)] public static extern int sqlite3_close_v2(IntPtr db);
}
