using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kaohe.Features.Ledger;

/// <summary>
/// SQLite: one prepared single-row INSERT reused for the whole file. (Multi-row statements were
/// slower: Microsoft.Data.Sqlite binds parameters by name, and SQLite looks a name up linearly.)
/// </summary>
internal sealed class SqliteInstalmentWriter : InstalmentBulkWriter
{
    private const int Batch = 1;
    private readonly DbConnection _conn;
    private readonly DbTransaction _tx;
    private readonly SqliteCommand _batch;
    private readonly SqliteParameter[] _p;
    private int _pending;

    public SqliteInstalmentWriter(DbConnection conn, DbTransaction tx, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector, HashSet<long> known)
        : base(snapshots, protector, known)
    {
        _conn = conn;
        _tx = tx;
        _batch = Command(Batch, out _p);
        _batch.Prepare();
    }

    private SqliteCommand Command(int rows, out SqliteParameter[] parameters)
    {
        var cmd = (SqliteCommand)_conn.CreateCommand();
        cmd.Transaction = (SqliteTransaction)_tx;
        var values = Enumerable.Range(0, rows).Select(r => "(" + string.Join(',', Columns.Select((_, c) => $"$p{r}_{c}")) + ")");
        cmd.CommandText = $"INSERT INTO \"Instalments\" ({string.Join(',', Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(',', values)}";
        parameters = new SqliteParameter[rows * Columns.Length];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = cmd.Parameters.Add(new SqliteParameter($"$p{i / Columns.Length}_{i % Columns.Length}", null));
        return cmd;
    }

    protected override void Write(int snapshot, in InstalmentRow row, string contract, string name, long borrowerKey)
    {
        var at = _pending * Columns.Length;
        _p[at].Value = snapshot;
        _p[at + 1].Value = row.UnitId;
        _p[at + 2].Value = contract;
        _p[at + 3].Value = borrowerKey;
        _p[at + 4].Value = name;
        _p[at + 5].Value = Day(row.DueDay);
        _p[at + 6].Value = row.DuePrincipal;
        _p[at + 7].Value = row.DueInterest;
        _p[at + 8].Value = row.PaidPrincipal;
        _p[at + 9].Value = row.PaidInterest;
        _p[at + 10].Value = row.PaidDay < 0 ? DBNull.Value : Day(row.PaidDay);
        if (++_pending < Batch) return;
        _batch.ExecuteNonQuery();
        _pending = 0;
    }

    // EF stores DateOnly in SQLite as ISO text; a file has few distinct dates, so their text is cached.
    private readonly Dictionary<int, string> _days = [];

    private string Day(int dayNumber)
    {
        if (_days.TryGetValue(dayNumber, out var text)) return text;
        return _days[dayNumber] = DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public override void Complete()
    {
        if (_pending > 0)
        {
            using var rest = Command(_pending, out var p);
            for (var i = 0; i < p.Length; i++) p[i].Value = _p[i].Value;
            rest.ExecuteNonQuery();
            _pending = 0;
        }
        using var cmd = (SqliteCommand)_conn.CreateCommand();
        cmd.Transaction = (SqliteTransaction)_tx;
        cmd.CommandText = "INSERT OR IGNORE INTO \"LedgerBorrowers\" (\"Key\", \"IdNumberCipher\") VALUES ($k, $c)";
        var k = cmd.Parameters.Add("$k", SqliteType.Integer);
        var c = cmd.Parameters.Add("$c", SqliteType.Blob);
        cmd.Prepare();
        foreach (var (key, cipher) in NewBorrowers)
        {
            k.Value = key;
            c.Value = cipher;
            cmd.ExecuteNonQuery();
        }
    }

    public override void Dispose()
    {
        _batch.Dispose();
        base.Dispose();
    }
}
