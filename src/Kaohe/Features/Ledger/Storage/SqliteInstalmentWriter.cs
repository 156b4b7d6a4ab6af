using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Kaohe.Features.Ledger;

/// <summary>
/// SQLite: prepared INSERTs bound by position (<see cref="SqliteStatement"/>), run on a thread of
/// their own (<see cref="ChunkPipeline"/>) while the file's second pass reads the next chunk.
/// </summary>
internal sealed class SqliteInstalmentWriter : InstalmentBulkWriter
{
    private const int Columns = 12;

    // A statement of 256 rows spares SQLite most of its per-statement work (0.7 s of 8.5 s for 5 M rows, docs/benchmarks.md).
    private const int RowsPerStatement = 256;

    private readonly SqliteStatement _many, _one;
    private readonly int[] _held = new int[RowsPerStatement];
    private readonly ChunkPipeline _pipeline;

    // EF stores DateOnly in SQLite as ISO text; a file has few distinct dates, so their UTF-8 is cached.
    private readonly Dictionary<int, byte[]> _days = [];

    /// <summary>Owns <paramref name="encryptor"/> from the call on, also when it throws (a statement that does not prepare).</summary>
    public SqliteInstalmentWriter(SqliteConnection conn, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector,
        PersonalDataProtector.BulkEncryptor encryptor, HashSet<long> known, CancellationToken ct)
        : base(conn, snapshots, protector, encryptor, known, ct)
    {
        try
        {
            _many = new SqliteStatement(conn, InsertSql(RowsPerStatement));
            _one = new SqliteStatement(conn, InsertSql(1));
            _pipeline = new ChunkPipeline(Insert);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private static string InsertSql(int rows) =>
        """INSERT INTO "Instalments" ("SnapshotId", "BorrowerKey", "Ordinal", "UnitId", "ContractNumber", "BorrowerName", "DueDate", """
        + """ "DuePrincipalFen", "DueInterestFen", "PaidPrincipalFen", "PaidInterestFen", "PaidDate") VALUES """
        + string.Join(',', Enumerable.Range(0, rows).Select(r => "(" + string.Join(',', Enumerable.Range(r * Columns + 1, Columns).Select(i => $"?{i}")) + ")"));

    private protected override InstalmentChunk FirstChunk() => _pipeline.Take();

    private protected override InstalmentChunk Write(InstalmentChunk chunk) => _pipeline.Hand(chunk);

    private protected override void FinishRows() => _pipeline.Finish();

    private void Insert(InstalmentChunk chunk)
    {
        var n = 0;
        foreach (var run in chunk.Runs)
        {
            for (var i = run.Start; i < run.End; i++)
            {
                _held[n] = i;
                Bind(_many, n * Columns, chunk[i]);
                if (++n < RowsPerStatement) continue;
                _many.Execute();
                n = 0;
            }
        }
        // What is left of the chunk goes one row at a time.
        foreach (var i in _held.AsSpan(0, n))
        {
            Bind(_one, 0, chunk[i]);
            _one.Execute();
        }
    }

    private void Bind(SqliteStatement s, int at, in PendingInstalment row)
    {
        s.Bind(at + 1, row.Snapshot);
        s.Bind(at + 2, row.BorrowerKey);
        s.Bind(at + 3, row.Ordinal);
        s.Bind(at + 4, row.Unit);
        s.BindText(at + 5, row.Contract.Utf8);
        s.BindText(at + 6, row.Name.Utf8);
        s.BindText(at + 7, Day(row.DueDay));
        s.Bind(at + 8, row.DuePrincipal);
        s.Bind(at + 9, row.DueInterest);
        s.Bind(at + 10, row.PaidPrincipal);
        s.Bind(at + 11, row.PaidInterest);
        s.BindText(at + 12, row.PaidDay < 0 ? null : Day(row.PaidDay));
    }

    private byte[] Day(int dayNumber)
    {
        if (_days.TryGetValue(dayNumber, out var text)) return text;
        return _days[dayNumber] = Encoding.ASCII.GetBytes(DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    protected override void Dispose(bool disposing)
    {
        // Null only when the constructor failed part way.
        if (disposing)
        {
            _pipeline?.Dispose();
            _many?.Dispose();
            _one?.Dispose();
        }
        base.Dispose(disposing);
    }
}
