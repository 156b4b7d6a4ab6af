using System.Data.Common;
using System.Text;
using Kaohe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Writes validated 还款计划 rows in bulk inside the caller's transaction: SQLite through one
/// prepared multi-row INSERT, PostgreSQL through binary COPY. Rows of units not in the target map
/// (their file content is already stored) are skipped. New borrowers get a key and an encrypted ID.
/// </summary>
public abstract class InstalmentBulkWriter(IReadOnlyDictionary<int, int> snapshotOfUnit, PersonalDataProtector protector, HashSet<long> knownBorrowers)
    : IInstalmentSink, IDisposable
{
    internal static readonly string[] Columns = ["SnapshotId", "UnitId", "ContractNumber", "BorrowerKey", "BorrowerName", "DueDate",
        "DuePrincipalFen", "DueInterestFen", "PaidPrincipalFen", "PaidInterestFen", "PaidDate"];

    private readonly Dictionary<long, long> _keys = [];
    private readonly List<(long Key, byte[] Cipher)> _newBorrowers = [];
    private readonly Dictionary<int, string> _nameCache = [];

    public long Written { get; private set; }
    public Dictionary<int, int> RowsPerUnit { get; } = [];

    public static InstalmentBulkWriter Create(KaoheDbContext db, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector, HashSet<long> known) =>
        db.Provider == DatabaseProvider.Postgres
            ? new PostgresInstalmentWriter((NpgsqlConnection)db.Database.GetDbConnection(), snapshots, protector, known)
            : new SqliteInstalmentWriter(db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), snapshots, protector, known);

    public void Accept(in InstalmentRow row, ReadOnlySpan<byte> contractNumber, ReadOnlySpan<byte> borrowerName, Encoding encoding)
    {
        if (!snapshotOfUnit.TryGetValue(row.UnitId, out var snapshot)) return;
        Write(snapshot, row, encoding.GetString(contractNumber), Name(borrowerName, encoding), BorrowerKey(row.IdNumber));
        Written++;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(RowsPerUnit, row.UnitId, out _)++;
    }

    protected abstract void Write(int snapshot, in InstalmentRow row, string contract, string name, long borrowerKey);

    /// <summary>Writes the borrowers first met in this file; call after the last row.</summary>
    public abstract void Complete();

    protected IReadOnlyList<(long Key, byte[] Cipher)> NewBorrowers => _newBorrowers;

    private long BorrowerKey(long idNumber)
    {
        if (_keys.TryGetValue(idNumber, out var key)) return key;
        Span<byte> text = stackalloc byte[18];
        Domain.Ledger.IdNumber.Write(idNumber, text);
        key = protector.BorrowerKey(text);
        if (knownBorrowers.Add(key)) _newBorrowers.Add((key, protector.Encrypt(Encoding.ASCII.GetString(text))));
        _keys[idNumber] = key;
        return key;
    }

    // Names repeat for every instalment of a borrower: intern them by hash to spare allocations.
    private string Name(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var h = unchecked((int)InstalmentValidator.Hash64(bytes));
        if (_nameCache.TryGetValue(h, out var s) && encoding.GetByteCount(s) == bytes.Length && encoding.GetBytes(s).AsSpan().SequenceEqual(bytes)) return s;
        s = encoding.GetString(bytes);
        if (_nameCache.Count > 4096) _nameCache.Clear();
        _nameCache[h] = s;
        return s;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
