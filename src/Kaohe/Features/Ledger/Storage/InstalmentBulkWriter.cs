using System.Data.Common;
using System.Runtime.InteropServices;
using System.Text;
using Kaohe.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Writes validated 还款计划 rows in bulk inside the caller's transaction: SQLite through a prepared
/// statement bound by position, PostgreSQL through binary COPY. Rows of units not in the target map
/// (their file content is already stored) are skipped. Each unit's rows gather in a bounded chunk and
/// go out ordered by borrower. New borrowers get a key and an encrypted ID, once per person. A cancelled
/// token stops the writing at the next chunk (the caller rolls back); the file's rows come in through
/// <see cref="Accept"/>, which cannot take a token of its own.
/// </summary>
public abstract class InstalmentBulkWriter : IInstalmentSink, IDisposable
{
    private readonly DbConnection _connection;
    private readonly IReadOnlyDictionary<int, int> _snapshotOfUnit;
    private readonly PersonalDataProtector _protector;
    private readonly PersonalDataProtector.BulkEncryptor _encryptor;
    private readonly HashSet<long> _knownBorrowers;
    private readonly Dictionary<long, long> _keys = [];
    private readonly List<(long Key, byte[] Cipher)> _newBorrowers = [];
    private readonly LedgerTextCache _contracts = new(), _names = new();
    private readonly CancellationToken _ct;
    private byte[] _rowKey = [];
    private LedgerRowDigest? _digest;
    private InstalmentChunk? _chunk;

    /// <summary>
    /// Takes ownership of <paramref name="encryptor"/> at once: a derived constructor that fails after this one
    /// disposes the writer (and so the encryptor and whatever it had opened) before it throws.
    /// </summary>
    private protected InstalmentBulkWriter(DbConnection connection, IReadOnlyDictionary<int, int> snapshotOfUnit, PersonalDataProtector protector,
        PersonalDataProtector.BulkEncryptor encryptor, HashSet<long> knownBorrowers, CancellationToken ct)
    {
        _connection = connection;
        _snapshotOfUnit = snapshotOfUnit;
        _protector = protector;
        _encryptor = encryptor;
        _knownBorrowers = knownBorrowers;
        _ct = ct;
    }

    public long Written { get; private set; }

    /// <summary>Rows written per unit; a row's <see cref="Domain.Ledger.Instalment.Ordinal"/> is its unit's count so far.</summary>
    public Dictionary<int, int> RowsPerUnit { get; } = [];

    /// <summary>Each snapshot's row digest, made in the same pass as the rows (<see cref="LedgerRowDigest"/>).</summary>
    internal Dictionary<int, LedgerRowDigest> Digests { get; } = [];

    // The encryptor is made last, as the constructor's argument: nothing can fail between its creation and the writer owning it.
    public static InstalmentBulkWriter Create(KaoheDbContext db, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector, HashSet<long> known,
        CancellationToken ct)
    {
        var rowKey = db.Guard.RowKey;
        InstalmentBulkWriter writer = db.Provider == DatabaseProvider.Postgres
            ? new PostgresInstalmentWriter((NpgsqlConnection)db.Database.GetDbConnection(), snapshots, protector, protector.CreateBulkEncryptor(), known, ct)
            : new SqliteInstalmentWriter((SqliteConnection)db.Database.GetDbConnection(), snapshots, protector, protector.CreateBulkEncryptor(), known, ct);
        writer._rowKey = rowKey;
        return writer;
    }

    public void Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding)
    {
        if (!_snapshotOfUnit.TryGetValue(row.UnitId, out var snapshot)) return;
        _chunk ??= FirstChunk();
        if (_chunk.Count > 0 && (_chunk.Unit != row.UnitId || _chunk.IsFull)) Flush();
        ref var ordinal = ref CollectionsMarshal.GetValueRefOrAddDefault(RowsPerUnit, row.UnitId, out _);
        var pending = new PendingInstalment
        {
            Snapshot = snapshot, Unit = row.UnitId, Ordinal = ++ordinal, BorrowerKey = BorrowerKey(row.IdNumber),
            Contract = _contracts.Get(contractNumber, encoding), Name = _names.Get(borrowerName, encoding),
            DueDay = row.DueDay, DuePrincipal = row.DuePrincipal, DueInterest = row.DueInterest,
            PaidPrincipal = row.PaidPrincipal, PaidInterest = row.PaidInterest, PaidDay = row.PaidDay,
        };
        _chunk.Add(pending);
        Digest(snapshot).AddInstalment(snapshot, pending.Ordinal, pending.Unit, pending.BorrowerKey, pending.Contract.Utf8, pending.Name.Utf8, pending.DueDay,
            pending.DuePrincipal, pending.DueInterest, pending.PaidPrincipal, pending.PaidInterest, pending.PaidDay);
        Written++;
    }

    /// <summary>Writes what is still held, then the borrowers first met in this file; call after the last row.</summary>
    public void Complete()
    {
        if (_chunk is { Count: > 0 }) Flush();
        _ct.ThrowIfCancellationRequested();
        FinishRows();
        LedgerBorrowerRows.Write(_connection, _newBorrowers);
    }

    /// <summary>An empty chunk to fill first.</summary>
    private protected abstract InstalmentChunk FirstChunk();

    /// <summary>Writes (or queues) a full chunk, sorted; returns an empty chunk to fill next.</summary>
    private protected abstract InstalmentChunk Write(InstalmentChunk chunk);

    /// <summary>Waits until every row handed over is in the database.</summary>
    private protected abstract void FinishRows();

    private void Flush()
    {
        _ct.ThrowIfCancellationRequested();
        _chunk!.SortByKey();
        _chunk = Write(_chunk!);
    }

    // A file's rows come unit by unit, so the last snapshot's digest is nearly always the one wanted.
    private LedgerRowDigest Digest(int snapshot)
    {
        if (_digest is not null && Digests.GetValueOrDefault(snapshot) == _digest) return _digest;
        if (!Digests.TryGetValue(snapshot, out _digest)) Digests[snapshot] = _digest = new LedgerRowDigest(_rowKey);
        return _digest;
    }

    private long BorrowerKey(long idNumber)
    {
        if (_keys.TryGetValue(idNumber, out var key)) return key;
        Span<byte> text = stackalloc byte[18];
        Domain.Ledger.IdNumber.Write(idNumber, text);
        key = _protector.BorrowerKey(text);
        if (_knownBorrowers.Add(key)) _newBorrowers.Add((key, _encryptor.Encrypt(Encoding.ASCII.GetString(text))));
        _keys[idNumber] = key;
        return key;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _encryptor.Dispose();
        foreach (var d in Digests.Values) d.Dispose();
    }
}
