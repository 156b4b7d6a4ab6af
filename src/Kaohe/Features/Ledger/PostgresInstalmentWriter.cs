using Npgsql;
using NpgsqlTypes;

namespace Kaohe.Features.Ledger;

/// <summary>PostgreSQL: binary COPY of the rows, then of the new borrowers.</summary>
internal sealed class PostgresInstalmentWriter : InstalmentBulkWriter
{
    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlBinaryImporter _copy;

    public PostgresInstalmentWriter(NpgsqlConnection conn, IReadOnlyDictionary<int, int> snapshots, PersonalDataProtector protector, HashSet<long> known)
        : base(snapshots, protector, known)
    {
        _conn = conn;
        _copy = conn.BeginBinaryImport($"COPY \"Instalments\" ({string.Join(',', Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        // A province's file takes minutes to load with its indexes: the import has no time limit of its own.
        _copy.Timeout = TimeSpan.FromHours(1);
    }

    protected override void Write(int snapshot, in InstalmentRow row, string contract, string name, long borrowerKey)
    {
        _copy.StartRow();
        _copy.Write(snapshot, NpgsqlDbType.Integer);
        _copy.Write(row.UnitId, NpgsqlDbType.Integer);
        _copy.Write(contract, NpgsqlDbType.Varchar);
        _copy.Write(borrowerKey, NpgsqlDbType.Bigint);
        _copy.Write(name, NpgsqlDbType.Varchar);
        _copy.Write(DateOnly.FromDayNumber(row.DueDay), NpgsqlDbType.Date);
        _copy.Write(row.DuePrincipal, NpgsqlDbType.Bigint);
        _copy.Write(row.DueInterest, NpgsqlDbType.Bigint);
        _copy.Write(row.PaidPrincipal, NpgsqlDbType.Bigint);
        _copy.Write(row.PaidInterest, NpgsqlDbType.Bigint);
        if (row.PaidDay < 0) _copy.WriteNull();
        else _copy.Write(DateOnly.FromDayNumber(row.PaidDay), NpgsqlDbType.Date);
    }

    public override void Complete()
    {
        _copy.Complete();
        _copy.Dispose();
        using var borrowers = _conn.BeginBinaryImport("COPY \"LedgerBorrowers\" (\"Key\", \"IdNumberCipher\") FROM STDIN (FORMAT BINARY)");
        borrowers.Timeout = TimeSpan.FromHours(1);
        foreach (var (key, cipher) in NewBorrowers)
        {
            borrowers.StartRow();
            borrowers.Write(key, NpgsqlDbType.Bigint);
            borrowers.Write(cipher, NpgsqlDbType.Bytea);
        }
        borrowers.Complete();
    }

    public override void Dispose()
    {
        _copy.Dispose();
        base.Dispose();
    }
}
